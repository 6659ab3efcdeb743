package secrets

import "strings"

// Hand-written rules. Formats marked "np" are adapted from Nosey Parker's
// built-in rules (github.com/praetorian-inc/noseyparker,
// crates/noseyparker/data/default/builtin/rules, commit
// 2e6e7f36ce36619852532bbe698d8cb7a26d2da7, Apache License 2.0; Copyright
// Praetorian Security, Inc.): rewritten for Go RE2, which has no
// lookaround or backreferences, so trailing "(?= ...)" context became a
// consumed, non-captured group and every secret sits in a capture group.
// The others are Parapet's own, from the providers' published token
// formats.

const (
	srcNP      = "noseyparker 2e6e7f36 (Apache-2.0), adapted"
	licNP      = "Apache-2.0"
	srcParapet = "parapet"
	licParapet = "same as Parapet"
	// tokenEnd is the byte after a token (RE2 has no lookahead).
	tokenEnd = `(?:[^A-Za-z0-9_\-]|$)`
)

func np(id, desc, pattern string, kws ...string) ruleDef {
	return ruleDef{ID: id, Desc: desc, Pattern: pattern, Keywords: kws, Source: srcNP, License: licNP}
}

func own(id, desc, pattern string, kws ...string) ruleDef {
	return ruleDef{ID: id, Desc: desc, Pattern: pattern, Keywords: kws, Source: srcParapet, License: licParapet}
}

func with(r ruleDef, f func(*ruleDef)) ruleDef { f(&r); return r }

func entropy(h float64) func(*ruleDef) { return func(r *ruleDef) { r.Entropy = h } }
func contextual(r *ruleDef)            { r.Contextual = true }
func identifier(r *ruleDef)            { r.Kind = kindIdentifier }

var parapetRules = []ruleDef{
	// --- scanners written in Go (no regex) ---
	{ID: idPassword, Desc: "A password assigned to a key such as password, passwd, pwd, pw, psk, passphrase or wachtwoord, kennwort, senha … (config, env, code, CLI flags, XML).",
		Keywords: append([]string{"pass", "pwd", "pw", "psk", "--"}, foreignPasswordNames...), Scan: scanAssignment, Assign: true, Kind: kindGeneric, Score: 0.6, Source: srcParapet, License: licParapet},
	{ID: idGeneric, Desc: "A high-entropy value assigned to a key such as secret, token, api_key, auth or credentials.",
		Keywords: []string{"secret", "token", "key", "auth", "cred", "--"}, Scan: scanAssignment, Assign: true, Kind: kindGeneric, Score: 0.5, Source: srcParapet, License: licParapet},
	{ID: idConnPassword, Desc: "A password inside a database or broker connection string (postgres://u:p@h, mongodb+srv://, redis://, amqp://, jdbc:, ODBC/ADO.NET Password=...;).",
		Keywords: []string{"://"}, Scan: scanURLCreds, Score: 0.85, Source: srcParapet, License: licParapet},
	{ID: idURLCreds, Desc: "A password in the userinfo part of a URL (https://user:pass@host).",
		Keywords: []string{"://"}, Scan: scanURLCreds, Score: 0.8, Source: srcParapet, License: licParapet},
	{ID: "PRIVATE_KEY", Desc: "A PEM private key block (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted, PGP), also with JSON-escaped line breaks as in GCP service-account files.",
		Keywords: []string{"private key-----", "private key block-----"}, Scan: scanPEM, Score: 0.95, Source: srcParapet, License: licParapet},
	{ID: "PRIVATE_KEY_BASE64", Type: "PRIVATE_KEY", Desc: "A base64-encoded PEM private key (as in Kubernetes secrets and CI variables).",
		Keywords: []string{"ls0tls1crudjti"}, Scan: scanBase64PEM, Score: 0.9, Source: srcNP, License: licNP},
	{ID: "PUTTY_PRIVATE_KEY", Desc: "A PuTTY private key file (PPK).",
		Keywords: []string{"putty-user-key-file-"}, Scan: scanPuTTY, Score: 0.95, Source: srcParapet, License: licParapet},

	// --- JWT and HTTP authorization ---
	{ID: "JWT", Desc: "A JSON Web Token: three base64url segments whose header decodes to JSON with \"alg\".",
		Keywords: []string{"eyj"}, Scan: scanJWT, Score: 0.85, Source: srcParapet, License: licParapet},
	with(np("HTTP_BASIC_AUTH", "Credentials in an HTTP Basic Authorization header.",
		`(?i)authorization["']?(?:\s*[:=]\s*|[ \t]+)["']?basic\s+([A-Za-z0-9+/]{8,}={0,2})(?:[^A-Za-z0-9+/=]|$)`, "authorization"),
		func(r *ruleDef) { r.Validate = validBasicAuth; r.Score = 0.8 }),
	with(np("HTTP_BEARER_TOKEN", "A token in an HTTP Bearer Authorization header.",
		`(?i)authorization["']?\s*[:=]\s*["']?bearer\s+([A-Za-z0-9._~+/-]{12,}=*)(?:[^A-Za-z0-9._~+/=-]|$)`, "authorization"),
		func(r *ruleDef) { r.Entropy = 3; r.Validate = notPlaceholder; r.Score = 0.75 }),

	// --- cloud ---
	with(np("AWS_SECRET_ACCESS_KEY", "An AWS secret access key assigned to an aws_secret_access_key-style name.",
		`(?i)(?:aws)?[_.-]?secret[_.-]?(?:access)?[_.-]?key(?:[_.-]?id)?["'\]]?\s*(?::|=>|=|:=)\s*["']?([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`,
		"secret_access_key", "secretaccesskey", "secret-access-key", "aws_secret", "awssecret"), func(r *ruleDef) { r.Allow = []string{`EXAMPLEKEY$`} }),
	with(np("AWS_CREDENTIAL_PAIR", "An AWS access key id followed closely by its 40-character secret.",
		`\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})\b(?s:.){0,60}?\b([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$)`, "akia", "asia", "abia", "acca"),
		func(r *ruleDef) {
			r.Group = 2
			r.Type = "AWS_SECRET_ACCESS_KEY"
			r.Entropy = 4
			r.Validate = mixedBase64
			r.Loose = true
			// The secret is a run of 40 base64 bytes within 60 + 40 bytes
			// after the 20-byte key id.
			r.Gate = func(text string, ks, ke int) bool { return hasRun(text, ks+20, ks+20+62+40, isB64Std, 40) }
		}),
	with(np("AWS_SESSION_TOKEN", "An AWS STS session token.",
		`(?i)aws[_.-]?session[_.-]?token["']?\s*(?::|=>|=)\s*["']?([A-Za-z0-9/+=]{100,})`, "aws_session_token", "awssessiontoken", "aws-session-token"), entropy(4)),
	with(own("AWS_SESSION_TOKEN_PREFIX", "An AWS STS session token recognised by its fixed prefix.",
		`\b((?:FwoGZXIvYXdz|IQoJb3JpZ2luX2Vj)[A-Za-z0-9/+=]{100,})`, "fwogzxivyxdz", "iqojb3jpz2lux2vj"), func(r *ruleDef) { r.Type = "AWS_SESSION_TOKEN" }),
	np("AWS_MWS_AUTH_TOKEN", "An Amazon Marketplace Web Service auth token.",
		`(?i)\b(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b`, "amzn.mws."),
	np("AWS_APPSYNC_API_KEY", "An AWS AppSync GraphQL API key.", `\b(da2-[a-z0-9]{26})\b`, "da2-"),
	with(np("AZURE_STORAGE_ACCOUNT_KEY", "An Azure storage account key (AccountKey=... in a connection string).",
		`(?i)AccountKey\s*=\s*([A-Za-z0-9+/]{40,100}={0,2})`, "accountkey"), func(r *ruleDef) { r.Score = 0.9; r.Entropy = 4 }),
	with(np("AZURE_SHARED_ACCESS_KEY", "An Azure Service Bus / Event Hubs / IoT Hub shared access key.",
		`(?i)SharedAccessKey\s*=\s*([A-Za-z0-9+/]{42,43}=)`, "sharedaccesskey"), func(r *ruleDef) { r.Score = 0.9 }),
	with(np("AZURE_SHARED_SECRET", "An Azure ACS shared secret (SharedSecretValue=...).",
		`(?i)SharedSecretValue\s*=\s*([A-Za-z0-9+/]{30,100}={0,2})`, "sharedsecretvalue"), entropy(3.5)),
	np("AZURE_APP_CONFIG_CONNECTION_STRING", "An Azure App Configuration connection string secret.",
		`https://[a-zA-Z0-9-]+\.azconfig\.io;\s*Id=[^;\s]{4,60};\s*Secret=([a-zA-Z0-9+/]{36,50}=)`, "azconfig.io"),
	with(own("AZURE_SAS_TOKEN", "The signature of an Azure shared access signature URL or token (sv=...&sig=...).",
		`(?i)[?&;]sig=([A-Za-z0-9%+/]{40,}(?:%3D|=)?)`, "sig="), func(r *ruleDef) { r.Entropy = 3.5; r.Validate = sasContext }),
	with(np("AZURE_DEVOPS_PAT", "An Azure DevOps personal access token assigned to a PAT-style name.",
		`(?i)(?:ado_?pat|pat_?token|personal_?access_?token|azure_?devops_?(?:pat|token)|\$token)["']?\s*(?::|=)\s*["']([a-z0-9]{52})["']`,
		"ado_pat", "adopat", "pat_token", "pattoken", "personalaccesstoken", "personal_access_token", "$token", "azure_devops", "azuredevops"), contextual),
	own("AZURE_DEVOPS_PAT_V2", "An Azure DevOps personal access token in the 84-character format with the AZDO signature.",
		`\b([A-Za-z0-9]{52}[A-Za-z0-9]{24}AZDO[A-Za-z0-9]{4})\b`, "azdo"),
	with(own("AZURE_AD_CLIENT_SECRET_CONTEXT", "An Azure AD / Entra application client secret assigned to a client_secret-style name.",
		`(?i)(?:azure|arm|aad|entra)[_.-]?client[_.-]?secret["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_~.\-]{34,40})`, "azure", "arm_client", "aad_client", "entra"),
		func(r *ruleDef) { r.Contextual = true; r.Entropy = 3.5; r.Type = "AZURE_AD_CLIENT_SECRET" }),
	with(own("GCP_SERVICE_ACCOUNT_KEY_ID", "The private_key_id of a GCP service-account JSON key file.",
		`"private_key_id"\s*:\s*"([a-f0-9]{40})"`, "private_key_id"), func(r *ruleDef) { r.Score = 0.8 }),
	own("GOOGLE_OAUTH_CLIENT_SECRET", "A Google OAuth client secret (GOCSPX-).", `\b(GOCSPX-[A-Za-z0-9_-]{28})`+tokenEnd, "gocspx-"),
	own("GOOGLE_OAUTH_ACCESS_TOKEN", "A Google OAuth 2.0 access token (ya29.).", `\b(ya29\.[0-9A-Za-z_-]{30,})`, "ya29."),
	with(own("GOOGLE_OAUTH_REFRESH_TOKEN", "A Google OAuth 2.0 refresh token (1//0...).", `(?:^|[^A-Za-z0-9/])(1//0[0-9A-Za-z_-]{40,})`, "1//0"), entropy(4)),
	own("FIREBASE_CLOUD_MESSAGING_KEY", "A Firebase Cloud Messaging legacy server key.", `\b(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{120,160})`, ":apa91b"),
	with(np("GOOGLE_OAUTH_CLIENT_ID", "A Google OAuth client id (identifier, not a credential).",
		`\b([0-9]{6,14}-[a-z0-9]{32}\.apps\.googleusercontent\.com)\b`, "apps.googleusercontent.com"), identifier),
	with(own("IBM_CLOUD_API_KEY", "An IBM Cloud IAM API key.", `(?i)(?:ibm|bluemix|iam)[_.-]?(?:cloud)?[_.-]?api[_.-]?key["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_-]{44})`+tokenEnd, "ibm", "bluemix", "iam"), func(r *ruleDef) { r.Contextual = true; r.Entropy = 3.8 }),
	with(own("ORACLE_CLOUD_FINGERPRINT_KEY", "An Oracle Cloud (OCI) auth token assigned to an oci/oracle token name.", `(?i)(?:oci|oracle)[_.-]?(?:auth)?[_.-]?token["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9+\-_.;:(){}<>\[\]#]{20})["']`, "oci", "oracle"), func(r *ruleDef) { r.Contextual = true; r.Entropy = 3.8 }),

	// --- VCS and CI ---
	np("BITBUCKET_APP_PASSWORD", "A Bitbucket app password / API token (ATBB).", `\b(ATBB[a-zA-Z0-9]{32})\b`, "atbb"),
	own("BITBUCKET_ACCESS_TOKEN", "A Bitbucket repository/workspace access token (ATCTT3).", `\b(ATCTT3xFfGN0[A-Za-z0-9_=-]{150,250})`, "atctt3"),
	with(np("GITHUB_CLIENT_SECRET", "A GitHub OAuth app client secret.",
		`(?i)github[_.-]?(?:oauth[_.-]?)?(?:app[_.-]?)?client[_.-]?secret["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{40})\b`, "github"), contextual),
	with(np("GITHUB_CLIENT_ID", "A GitHub OAuth app client id (identifier, not a credential).",
		`(?i)github[_.-]?(?:oauth[_.-]?)?(?:app[_.-]?)?client[_.-]?id["']?\s*(?::|=|=>)\s*["']?((?:Iv1\.)?[a-f0-9]{16,20}|Ov23li[A-Za-z0-9]{14})\b`, "github"), identifier),
	with(own("GITLAB_RUNNER_REGISTRATION_TOKEN_LEGACY", "A GitLab runner registration token (GR1348941).", `\b(GR1348941[0-9a-zA-Z_-]{20})`+tokenEnd, "gr1348941"), entropy(3.5)),
	with(np("JENKINS_API_TOKEN", "A Jenkins API token or crumb assigned to a jenkins-style name.",
		`(?i)jenkins.{0,10}(?:crumb|token|api[_.-]?key)?.{0,10}?["']?\s*(?::|=|=>)\s*["']?([0-9a-f]{32,34})\b`, "jenkins"), contextual),
	with(own("TEAMCITY_API_TOKEN", "A TeamCity access token.", `\b(eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_-]{36}\.[A-Za-z0-9_-]{48})`, "eyj0exaioiaivencwmij9"), func(r *ruleDef) { r.Score = 0.9 }),
	own("SONARQUBE_TOKEN", "A SonarQube/SonarCloud token (squ_, sqp_, sqa_).", `\b((?:squ|sqp|sqa)_[a-f0-9]{40})\b`, "squ_", "sqp_", "sqa_"),
	own("CIRCLECI_PERSONAL_TOKEN", "A CircleCI personal API token.", `\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b`, "ccipat_"),
	own("BUILDKITE_TOKEN", "A Buildkite API access token.", `\b(bkua_[a-f0-9]{40})\b`, "bkua_"),
	own("DOPPLER_TOKEN", "A Doppler CLI, service, service-account, SCIM or audit token.",
		`\b(dp\.(?:ct|st|sa|scim|audit)\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})\b`, "dp.ct.", "dp.st.", "dp.sa.", "dp.scim.", "dp.audit."),
	own("VAULT_RECOVERY_TOKEN", "A HashiCorp Vault recovery token (hvr.).", `\b(hvr\.[A-Za-z0-9_-]{90,120})`+tokenEnd, "hvr."),
	with(np("VAULT_TOKEN_LEGACY", "A HashiCorp Vault token in the pre-1.10 format (s./b./r. + 24 characters) next to a vault token name.",
		`(?i)vault[_.-]?(?:token|service[_.-]?token|batch[_.-]?token)?["']?\s*(?::|=|=>)\s*["']?\b((?-i:[sbr])\.[A-Za-z0-9]{24})\b`, "vault"), func(r *ruleDef) {
		r.Contextual = true
		r.Entropy = 3.5
		r.Type = "VAULT_SERVICE_TOKEN"
	}),
	with(np("VAULT_UNSEAL_KEY", "A HashiCorp Vault unseal key.", `(?i)(?:unseal[ _-]?key(?:[ _-]?\d)?["']?\s*[:=]|operator\s+unseal)\s*["']?([A-Za-z0-9+/]{43,44}={0,1}|[a-f0-9]{64,66})`, "unseal"), entropy(3.5)),
	own("TERRAFORM_CLOUD_TOKEN_CONTEXT", "A Terraform Cloud/Enterprise token in credentials.tfrc.json or TF_TOKEN_ variables.",
		`(?i)(?:TF_TOKEN_[a-z0-9_]+|"token")\s*[:=]\s*"?([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})`, "tf_token_", "atlasv1"),

	// --- model providers ---
	own("DEEPSEEK_API_KEY", "A DeepSeek API key (sk- + 32 hex; Alibaba DashScope keys share the format).", `\b(sk-[a-f0-9]{32})`+tokenEnd, "sk-"),
	own("OPENROUTER_API_KEY", "An OpenRouter API key.", `\b(sk-or-v1-[a-f0-9]{64})\b`, "sk-or-"),
	with(own("OPENAI_PROJECT_KEY", "An OpenAI project, service-account or admin key (sk-proj-, sk-svcacct-, sk-admin-) of any length.",
		`\b(sk-(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{40,250})`+tokenEnd, "sk-proj-", "sk-svcacct-", "sk-admin-", "sk-none-"), func(r *ruleDef) { r.Type = "OPENAI_API_KEY"; r.Entropy = 4; r.Loose = true }),
	with(own("OPENAI_COMPATIBLE_API_KEY", "An sk- prefixed API key of an OpenAI-compatible provider (Moonshot, Qwen, DeepSeek, Fireworks, local gateways...).",
		`\b(sk-[A-Za-z0-9]{32,128})`+tokenEnd, "sk-"), func(r *ruleDef) { r.Entropy = 4; r.Score = 0.7; r.Validate = hasDigitAndLetter; r.Loose = true }),
	with(own("ANTHROPIC_API_KEY_ANY", "An Anthropic API key (sk-ant-api..-) of any length.",
		`\b(sk-ant-(?:api|sid)\d{2}-[A-Za-z0-9_-]{40,200})`+tokenEnd, "sk-ant-api", "sk-ant-sid"), func(r *ruleDef) { r.Type = "ANTHROPIC_API_KEY"; r.Entropy = 4; r.Loose = true }),
	own("GROQ_API_KEY", "A Groq API key.", `\b(gsk_[A-Za-z0-9]{52})\b`, "gsk_"),
	own("REPLICATE_API_TOKEN", "A Replicate API token.", `\b(r8_[A-Za-z0-9]{37})\b`, "r8_"),
	own("XAI_API_KEY", "An xAI (Grok) API key.", `\b(xai-[A-Za-z0-9]{80})\b`, "xai-"),
	own("TOGETHER_API_KEY", "A Together AI API key.", `\b(tgp_v1_[A-Za-z0-9_-]{43})`+tokenEnd, "tgp_v1_"),
	own("LANGSMITH_API_KEY", "A LangSmith / LangChain API key.", `\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\b`, "lsv2_"),
	own("PINECONE_API_KEY", "A Pinecone API key.", `\b(pcsk_[A-Za-z0-9]{5,6}_[A-Za-z0-9]{60,70})\b`, "pcsk_"),
	own("ELEVENLABS_API_KEY", "An ElevenLabs API key.", `\b(sk_[a-f0-9]{48})\b`, "sk_"),
	with(own("MISTRAL_API_KEY", "A Mistral AI API key assigned to a mistral-style name.",
		`(?i)mistral[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9]{32})\b`, "mistral"), func(r *ruleDef) { r.Contextual = true; r.Entropy = 3.5 }),
	with(own("GOOGLE_GEMINI_API_KEY_CONTEXT", "A Google AI Studio (Gemini) API key assigned to a gemini-style name.",
		`(?i)(?:gemini|google[_.-]?ai|genai)[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?(AIza[\w-]{35})`+tokenEnd, "gemini", "google_ai", "genai"), func(r *ruleDef) { r.Contextual = true; r.Type = "GOOGLE_API_KEY" }),
	with(own("WANDB_API_KEY", "A Weights & Biases API key.", `(?i)wandb[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{40})\b`, "wandb"), contextual),
	own("TAVILY_API_KEY", "A Tavily search API key.", `\b(tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})\b`, "tvly-"),
	own("JINA_API_KEY", "A Jina AI API key.", `\b(jina_[a-zA-Z0-9]{60})\b`, "jina_"),
	own("FIRECRAWL_API_KEY", "A Firecrawl API key.", `\b(fc-[a-f0-9]{32})\b`, "fc-"),
	with(own("KAGI_API_KEY", "A Kagi API key assigned to a kagi-style name.", `(?i)kagi[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_-]{40,50}\.[A-Za-z0-9_-]{40,50})`, "kagi"), contextual),

	// --- package registries ---
	own("DOCKERHUB_TOKEN", "A Docker Hub personal or organisation access token.", `\b(dckr_(?:pat|oat)_[a-zA-Z0-9_-]{27,30})`+tokenEnd, "dckr_pat_", "dckr_oat_"),
	np("NUGET_API_KEY", "A NuGet.org API key.", `\b(oy2[a-z0-9]{43})\b`, "oy2"),
	np("CRATES_IO_API_KEY", "A crates.io API token.", `\b(cio[a-zA-Z0-9]{32})\b`, "cio"),
	own("NPM_TOKEN_NPMRC", "An npm auth token in an .npmrc line (//registry/:_authToken=...).",
		`:_authToken=([A-Za-z0-9_\-.+/=]{20,})`, ":_authtoken="),
	with(own("JFROG_REFERENCE_TOKEN_CONTEXT", "A JFrog access token (identity token) in the JWT-less format.", `\b(cmVmdGtu[A-Za-z0-9]{56})\b`, "cmvmdgtu"), func(r *ruleDef) { r.Type = "ARTIFACTORY_REFERENCE_TOKEN" }),

	// --- chat and messaging ---
	own("DISCORD_WEBHOOK", "A Discord webhook URL.", `(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,70})`, "discord.com/api/webhooks", "discordapp.com/api/webhooks"),
	with(own("DISCORD_BOT_TOKEN", "A Discord bot token next to a discord-style name.",
		`(?i)discord[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?((?-i:[MNO])[A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})`, "discord"), contextual),
	// A Discord bot token in any context (a chat message, a ticket, "the
	// key is ..."): found from the run trigger, not a keyword, and checked
	// to be the base64 of a 17 to 20 digit user id (discordToken).
	{ID: idDiscordFormat, Type: "DISCORD_BOT_TOKEN", Desc: "A Discord bot token by its format: the base64 of a 17-20 digit user id, a 6-character timestamp and a 27-38 character HMAC.",
		Scan: scanNone, Run: true, Score: 0.85, Source: srcParapet, License: licParapet},
	with(own("TELEGRAM_BOT_TOKEN_FORMAT", "A Telegram bot token by its format (bot id : AA + 33 characters).",
		`(?:^|[^0-9A-Za-z]|/bot)([0-9]{8,10}:AA[A-Za-z0-9_-]{32,34})`+tokenEnd, ":aa"), func(r *ruleDef) { r.Type = "TELEGRAM_BOT_TOKEN" }),
	// Sentry organisation auth tokens are "sntrys_" + base64 of a JSON
	// payload ("eyJ" is base64 of `{"`) + "_" + a 43-character secret
	// (https://docs.sentry.io/account/auth-tokens/). gitleaks'
	// SENTRY_ORG_TOKEN also requires a region_url claim and a +/ alphabet
	// for the secret; the prefix alone is distinctive, so this one takes
	// any claims and base64 or base64url.
	with(own("SENTRY_ORG_TOKEN_ANY", "A Sentry organisation auth token (sntrys_ + base64 JSON claims + _ + secret).",
		`\b(sntrys_eyJ[A-Za-z0-9+/_-]{20,400}={0,2}_[A-Za-z0-9+/_-]{43})(?:[^A-Za-z0-9+/_-]|$)`, "sntrys_eyj"), func(r *ruleDef) { r.Type = "SENTRY_ORG_TOKEN" }),
	own("ADAFRUIT_IO_KEY", "An Adafruit IO key.", `\b(aio_[A-Za-z0-9]{28})\b`, "aio_"),
	own("MICROSOFT_TEAMS_WEBHOOK_V2", "A Microsoft Teams / Power Automate incoming webhook URL.",
		`(https://(?:[a-z0-9-]+\.webhook\.office\.com/webhookb2|outlook\.office(?:365)?\.com/webhook)/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36}(?:/[A-Za-z0-9_-]{40,50})?)`, "webhook.office.com/webhookb2", "outlook.office.com/webhook", "outlook.office365.com/webhook"),
	// An account SID (AC + 32 hex) and, within 80 bytes after it, a 32-hex
	// auth token, labelled or not ("account sid AC...\nauth token ...").
	with(own("TWILIO_AUTH_TOKEN_PAIR", "A Twilio auth token (32 hex) within 80 bytes after an account SID (AC + 32 hex).",
		`\bAC[a-f0-9]{32}\b(?s:.){0,80}?\b([a-f0-9]{32})\b`, "AC"), func(r *ruleDef) {
		r.Type = "TWILIO_AUTH_TOKEN"
		r.Group = 1
		r.Entropy = 3
		r.Validate = hasDigitAndLetter
		r.Gate = func(text string, ks, ke int) bool { return hasRun(text, ke, ke+33, isLowerHex, 32) }
	}),
	with(own("TWILIO_AUTH_TOKEN", "A Twilio auth token assigned to a twilio auth token name.",
		`(?i)twilio[\w.-]{0,20}auth[\w.-]{0,10}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{32})\b`, "twilio"), contextual),
	with(own("SLACK_SIGNING_SECRET", "A Slack app signing secret.", `(?i)slack[\w.-]{0,10}signing[\w.-]{0,10}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{32})\b`, "slack"), contextual),

	// --- payments ---
	own("STRIPE_WEBHOOK_SECRET", "A Stripe webhook signing secret.", `\b(whsec_[A-Za-z0-9]{32,64})\b`, "whsec_"),
	own("SQUARE_OAUTH_SECRET", "A Square OAuth application secret.", `\b(sq0csp-[0-9A-Za-z_-]{43})`+tokenEnd, "sq0csp-"),
	own("PAYPAL_BRAINTREE_ACCESS_TOKEN", "A PayPal/Braintree access token.", `(access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})`, "access_token$production$", "access_token$sandbox$"),
	with(own("BRAINTREE_PRIVATE_KEY", "A Braintree private key assigned to a braintree private key name.", `(?i)braintree[\w.-]{0,20}private[\w.-]{0,10}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{32})\b`, "braintree"), contextual),
	own("ADYEN_API_KEY", "An Adyen API key.", `\b(AQE[A-Za-z0-9+/]{40,}={0,2}-[A-Za-z0-9+/]{30,}={0,2}-[^\s"'<>]{6,40})`, "aqe"),
	with(own("RAZORPAY_KEY_SECRET", "A Razorpay key secret next to a razorpay key id.", `(?i)razorpay[\w.-]{0,20}secret[\w.-]{0,5}["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9]{24})\b`, "razorpay"), contextual),
	own("PAYSTACK_SECRET_KEY", "A Paystack secret key.", `\b(sk_(?:live|test)_[a-f0-9]{40})\b`, "sk_live_", "sk_test_"),
	own("COINBASE_CDP_KEY_NAME", "A Coinbase Developer Platform API key name with its organisation.", `(organizations/[0-9a-f-]{36}/apiKeys/[0-9a-f-]{36})`, "organizations/"),

	// --- SaaS ---
	with(own("PAGERDUTY_API_KEY", "A PagerDuty API key assigned to a pagerduty-style name.",
		`(?i)pager[_.-]?duty[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_+-]{20})(?:[^A-Za-z0-9_+-]|$)`, "pagerduty", "pager_duty"), func(r *ruleDef) { r.Contextual = true; r.Entropy = 3.5 }),
	np("NEW_RELIC_INSIGHTS_QUERY_KEY", "A New Relic Insights query key.", `\b(NRIQ-[A-Za-z0-9_-]{32})\b`, "nriq-"),
	np("NEW_RELIC_REST_API_KEY", "A New Relic REST API key.", `\b(NRRA-[a-f0-9]{42})\b`, "nrra-"),
	np("NEW_RELIC_ADMIN_API_KEY", "A New Relic admin API key.", `\b(NRAA-[a-f0-9]{27})\b`, "nraa-"),
	np("NEW_RELIC_LICENSE_KEY", "A New Relic license / ingest key (NRAL).", `\b((?:eu01xx)?[a-f0-9]{30,36}NRAL)\b`, "NRAL"),
	with(np("NEW_RELIC_USER_API_KEY_FORMAT", "A New Relic user API key (NRAK-).", `\b(NRAK-[A-Z0-9]{27})\b`, "nrak-"), func(r *ruleDef) { r.Type = "NEW_RELIC_USER_API_KEY" }),
	np("NEW_RELIC_PIXIE_KEY", "A New Relic Pixie API or deploy key.", `\b(px-(?:api|dep)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b`, "px-api-", "px-dep-"),
	np("JENKINS_SETUP_PASSWORD", "The Jenkins initial admin password printed at first start.", `(?i)password to proceed to installation:\s*([a-f0-9]{32})\b`, "proceed to installation"),
	np("FIGMA_PAT", "A Figma personal access token.", `\b(figd_[A-Za-z0-9_-]{40})`+tokenEnd, "figd_"),
	np("DEPENDENCY_TRACK_API_KEY", "A Dependency-Track API key.", `\b(odt_[A-Za-z0-9]{32,255})\b`, "odt_"),
	with(np("CODECLIMATE_REPORTER_ID", "A Code Climate test reporter id.", `(?i)(?:codeclimate|cc_test_reporter_id|CC_TEST_REPORTER)[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{64})\b`, "codeclimate", "cc_test_reporter"), contextual),
	np("POSTMARK_SERVER_TOKEN", "A Postmark server or account token assigned to a postmark-style name.",
		`(?i)(?:postmark|X-Postmark-(?:Server|Account)-Token)[\w.-]{0,25}["']?\s*(?::|=|=>|,)\s*["']?([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b`, "postmark"),
	with(np("SAUCE_LABS_TOKEN", "A Sauce Labs access key assigned to a sauce-style name.", `(?i)sauce[\w.-]{0,20}(?:key|token)[\w.-]{0,5}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b`, "sauce"), contextual),
	with(np("SOURCEGRAPH_TOKEN_FORMAT", "A Sourcegraph access token (sgp_).", `\b(sgp_(?:[a-f0-9]{16}|local)_[a-f0-9]{40}|sgp_[a-f0-9]{40})\b`, "sgp_"), func(r *ruleDef) { r.Type = "SOURCEGRAPH_ACCESS_TOKEN" }),
	with(np("SQUARE_ACCESS_TOKEN_FORMAT", "A Square access token (sq0atp-, EAAA).", `\b(sq0atp-[0-9A-Za-z_-]{22}|EAAA[A-Za-z0-9_-]{60})`+tokenEnd, "sq0atp-", "eaaa"), func(r *ruleDef) { r.Type = "SQUARE_ACCESS_TOKEN" }),
	np("SEGMENT_API_TOKEN", "A Segment public API token.", `\b(sgp_[A-Za-z0-9]{64})\b`, "sgp_"),
	np("STACKHAWK_API_KEY", "A StackHawk API key.", `\b(hawk\.[0-9A-Za-z_-]{20}\.[0-9A-Za-z_-]{20})\b`, "hawk."),
	np("SALESFORCE_ACCESS_TOKEN", "A Salesforce access or session token.", `\b(00[a-zA-Z0-9]{13}![a-zA-Z0-9._]{96})`, "00d"),
	with(np("OKTA_API_TOKEN", "An Okta API token (00 + 40 characters) within 40 bytes after okta or the SSWS scheme.", `(?s)(?:[Oo]kta|OKTA|SSWS).{0,40}\b(00[a-zA-Z0-9_-]{39}[a-zA-Z0-9_])\b`, "okta", "ssws"), func(r *ruleDef) { r.Contextual = true; r.Type = "OKTA_ACCESS_TOKEN" }),
	with(np("AUTH0_CLIENT_SECRET", "An Auth0 application client secret next to an auth0 domain.", `(?i)auth0[\s\S]{0,200}?client[_.-]?secret["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_-]{64})\b`, "auth0"), func(r *ruleDef) { r.Contextual = true; r.Entropy = 4 }),
	np("ATLASSIAN_API_TOKEN_V2", "An Atlassian cloud API token (ATATT).", `\b(ATATT[A-Za-z0-9_\-=]{150,250})`, "atatt"),
	with(np("MAILCHIMP_API_KEY_FORMAT", "A Mailchimp API key by its format (32 hex + datacenter).", `\b([a-f0-9]{32}-us[0-9]{1,2})\b`, "-us"), func(r *ruleDef) { r.Type = "MAILCHIMP_API_KEY"; r.Entropy = 3.5 }),
	with(np("MAILGUN_API_KEY_FORMAT", "A Mailgun API key by its format.", `\b(key-[a-f0-9]{32})\b`, "key-"), func(r *ruleDef) { r.Type = "MAILGUN_PRIVATE_API_TOKEN"; r.Entropy = 3.2 }),
	with(np("SENDGRID_API_KEY_FORMAT", "A SendGrid API key by its format.", `\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})\b`, "sg."), func(r *ruleDef) { r.Type = "SENDGRID_API_TOKEN" }),
	np("MAPBOX_SECRET_TOKEN", "A Mapbox secret or temporary access token (sk., tk.).", `\b((?:sk|tk)\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})`, "sk.eyj", "tk.eyj"),
	np("SHOPIFY_APP_SECRET", "A Shopify app shared secret (shpss_).", `\b(shpss_[a-fA-F0-9]{32})\b`, "shpss_"),
	with(np("PARTICLE_IO_ACCESS_TOKEN", "A particle.io access token assigned to an access_token name near particle.", `(?i)(?:particle|access_token|particle_token)[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{40})\b`, "particle", "access_token"),
		// access_token=... counts only with "particle" nearby.
		func(r *ruleDef) { r.Gate = nearWord("particle", 512) }),
	np("THINGSBOARD_ACCESS_TOKEN", "A ThingsBoard device access token in a telemetry URL.", `(?i)/api/v1/([a-z0-9]{20})/(?:telemetry|attributes|rpc|claim)`, "/api/v1/"),
	with(np("THINGSBOARD_PROVISION_KEY", "A ThingsBoard device provisioning key or secret.", `(?i)provision[_.-]?device[_.-]?(?:key|secret)["']?\s*(?::|=|=>)\s*["']?([a-z0-9]{20})\b`, "provision"), contextual),
	np("TRUENAS_API_KEY", "A TrueNAS API key (REST or the WebSocket auth.login_with_api_key call).", `(?i)(?:truenas[\w.-]{0,20}["']?\s*(?::|=|=>)\s*["']?|login_with_api_key[\s\S]{0,80}?["'])\b(\d{1,4}-[A-Za-z0-9]{64})\b`, "truenas", "login_with_api_key"),
	with(np("BLYNK_TOKEN", "A Blynk device or organisation access token in an API URL or BLYNK_AUTH_TOKEN.", `(?i)(?:blynk[\w.-]{0,20}(?:auth|token)[\w.-]{0,10}["']?\s*(?::|=|=>|\s)\s*["']?|blynk\.cloud/external/api/[a-z]+\?token=)([A-Za-z0-9_-]{32})\b`, "blynk"), contextual),
	with(np("TWITCH_STREAM_KEY", "A Twitch stream key.", `\b(live_[0-9]{6,12}_[A-Za-z0-9]{30})\b`, "live_"), entropy(3.5)),
	with(own("YOUTUBE_STREAM_KEY", "A YouTube live stream key assigned to a stream key name.", `(?i)stream[_.-]?key["']?\s*(?::|=|=>)\s*["']?([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})\b`, "stream"), contextual),
	with(np("TWITTER_SECRET_CONTEXT", "A Twitter/X consumer or access secret next to a twitter-style name.", `(?i)twitter[\w.-]{0,30}secret[\w.-]{0,5}["']?\s*(?::|=|=>)\s*["']?([a-zA-Z0-9]{45,50})\b`, "twitter"), contextual),
	with(np("LINKEDIN_CLIENT_SECRET_CONTEXT", "A LinkedIn client secret next to a linkedin-style name.", `(?i)linkedin[\w.-]{0,30}secret[\w.-]{0,5}["']?\s*(?::|=|=>)\s*["']?([a-zA-Z0-9]{16})\b`, "linkedin"), contextual),
	with(np("FACEBOOK_APP_SECRET_CONTEXT", "A Facebook app secret next to a facebook-style name.", `(?i)(?:facebook|fb)[\w.-]{0,20}(?:secret|token)[\w.-]{0,5}["']?\s*(?::|=|=>)\s*["']?([a-f0-9]{32})\b`, "facebook", "fb_"), contextual),
	np("DYNATRACE_TOKEN", "A Dynatrace API token.", `\b(dt0[a-zA-Z][0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b`, "dt0"),
	with(np("DJANGO_SECRET_KEY", "A Django SECRET_KEY (django-insecure- or in settings).", `(django-insecure-[^\s'"]{40,60})`, "django-insecure-"), func(r *ruleDef) {
		r.Entropy = 3.5
	}),
	own("SIDEKIQ_CONTRIBS_CREDENTIALS", "Sidekiq Pro/Enterprise gem source credentials (BUNDLE_ENTERPRISE__CONTRIBSYS__COM).", `(?i)BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM\s*[:=]\s*["']?[a-z0-9]{8}:([a-z0-9]{8})\b`, "contribsys__com"),
	with(np("AWS_ARN", "An Amazon Resource Name (identifier).", `\b(arn:aws(?:-cn|-us-gov)?:[a-zA-Z0-9_-]{2,}:[a-z0-9-]*:(?:\d{12})?:[^\s"'&<>\\%]+)`, "arn:aws"), identifier),
	with(np("AWS_ACCOUNT_ID", "An AWS account id assigned to an aws_account_id-style name (identifier).", `(?i)aws_?account_?(?:id)?["'\x60]?\s*(?::|=>|=)\s*["'\x60]?(\d{4}-?\d{4}-?\d{4})\b`, "aws_account", "awsaccount"), identifier),
	with(np("AWS_S3_BUCKET", "An S3 bucket in a virtual-hosted or path-style URL (identifier).", `(?:^|[\s/"']|%2F)((?:[a-zA-Z0-9_-]+\.)+s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com|s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com/[a-zA-Z0-9_][a-zA-Z0-9_-]*(?:\.[a-zA-Z0-9_-]+)*)`, "amazonaws.com"), identifier),
	with(np("GCS_BUCKET", "A Google Cloud Storage bucket host or path (identifier).", `((?:[a-zA-Z0-9_-]+\.)+storage\.googleapis\.com|storage\.googleapis\.com/[a-z0-9_][a-z0-9_.-]{2,62})`, "storage.googleapis.com"), identifier),
	with(np("SHOPIFY_DOMAIN", "A Shopify store domain (identifier).", `\b((?:[a-zA-Z0-9-]+\.)+myshopify\.com)\b`, "myshopify.com"), identifier),
	with(np("AGE_RECIPIENT", "An age X25519 recipient (public key; identifier, not a credential).", `\b(age1[0-9a-z]{58})\b`, "age1"), identifier),
	np("KUBERNETES_BOOTSTRAP_TOKEN", "A Kubernetes bootstrap token (kubeadm join --token).", `(?i)(?:-token[\s=]+|token:\s*["']?|bootstrap[\w.-]{0,20}[:=]\s*["']?)\b([a-z0-9]{6}\.[a-z0-9]{16})\b`, "-token", "token:", "bootstrap"),
	with(np("WIREGUARD_PRIVATE_KEY", "A WireGuard private or preshared key.", `(?i)(?:PrivateKey|PresharedKey)\s*=\s*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)`, "privatekey", "presharedkey"), entropy(3.5)),

	// --- credentials in commands and code ---
	with(np("DOTNET_NETWORK_CREDENTIAL", "A password in a .NET System.Net.NetworkCredential(\"user\", \"password\") call.",
		`(?i)\bNetworkCredential\s*\(\s*"[^"\n]{1,80}"\s*,\s*"([^"\n]{3,80})"`, "networkcredential(", "networkcredential ("), func(r *ruleDef) { r.Validate = notTemplate }),
	with(np("DOTNET_DIRECTORY_ENTRY_PASSWORD", "A password in a .NET DirectoryEntry(path, user, password) call.",
		`(?i)\bDirectoryEntry\s*\(\s*"[^"\n]{3,100}"\s*,\s*"[^"\n]{1,80}"\s*,\s*"([^"\n]{3,80})"`, "directoryentry(", "directoryentry ("), func(r *ruleDef) { r.Validate = notTemplate }),
	with(np("PSEXEC_PASSWORD", "A password in a PsExec command line (-u user -p password).",
		`(?i)psexec[^\n]{0,120}?\s-u\s+\S+\s+-p\s+([^\s"']{3,64})`, "psexec"), func(r *ruleDef) { r.Validate = notTemplate }),
	with(np("VMWARE_VISERVER_PASSWORD", "A password in a VMware PowerCLI Connect-VIServer command.",
		`(?i)Connect-VIServer[^\n]{0,120}?-Password\s+["']?([^\s"']{3,64})`, "connect-viserver"), func(r *ruleDef) { r.Validate = notTemplate }),
	with(np("NETRC_PASSWORD", "A password in a .netrc machine entry.",
		`machine\s+\S{1,100}\s+login\s+\S{1,100}\s+password\s+(\S{3,128})`, "machine"), func(r *ruleDef) { r.Validate = notTemplate }),
	with(own("CLI_PASSWORD_FLAG", "A password passed on a command line to mysql/psql/sshpass/redis-cli and similar tools.",
		`(?:\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mariadb|sshpass|redis-cli|mongosh|mongo)\b[^\n]{0,100}?\s(?:-p|--password[ =]|-a\s)['"]?([^\s'"-][^\s'"]{3,63}))`, " -p", " --password", " -a "), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Any command's --password / --db-password / --http-password flag (docker
	// login, wget, helm, az, and in-house tools), with one dash too (game
	// servers: -password, -pwd) or a plus (+rcon_password); a $VARIABLE, a
	// <placeholder> or --password-stdin is not a value.
	with(own("CLI_PASSWORD_FLAG_ANY", "A password passed to any command line tool with a --password-style flag.",
		`(?:^|\s)(?:--?|\+)(?:password|passwd|pwd|db-password|http-password|admin-password|ftp-password|proxy-password|server-?password|rcon[_-]password|sv_password)(?:=|[ \t]+)['"]?([^\s'"$<{*-][^\s'"]{3,63})`,
		"--password", "--passwd", "-password", "-passwd", "-pwd", "rcon_password", "rcon-password", "sv_password"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return notTemplate(v) && !shortLowerWord(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// (a short lower-case word after the flag is an argument name in
	// documentation: "-password file", "--password prompt")
	// Tools whose password flag takes a separate argument or another letter
	// than --password; a $VARIABLE, a <placeholder>, a * prompt or the next
	// -flag is not a value.
	cliPassword("SSHPASS_PASSWORD", "A password given to sshpass -p.",
		`\bsshpass\b[^\n]{0,40}?[ \t]-p[ \t]*['"]?(`+cliValue+`)`, " -p"),
	cliPassword("RCON_PASSWORD", "A password given to mcrcon or rcon-cli with -p.",
		`\b(?:mcrcon|rcon-cli)\b[^\n]{0,100}?[ \t](?:-p|--password)[ \t]+['"]?(`+cliValue+`)`, " -p", " --password"),
	cliPassword("DOCKER_LOGIN_PASSWORD", "A password given to docker, podman, buildah or skopeo login -p.",
		`\b(?:docker|podman|buildah|skopeo)[ \t]+login\b[^\n]{0,100}?[ \t]-p(?:[ \t]+|=)['"]?(`+cliValue+`)`, " -p"),
	cliPassword("SQLCMD_PASSWORD", "A password given with -P to sqlcmd, bcp, osql, isql or mosquitto_pub/sub.",
		`\b(?:sqlcmd|bcp|osql|isql|mosquitto_pub|mosquitto_sub)\b[^\n]{0,150}?[ \t]-P[ \t]*['"]?(`+cliValue+`)`, " -p"),
	cliPassword("LDAP_BIND_PASSWORD", "A bind password given to ldapsearch, ldapmodify and the other OpenLDAP tools with -w.",
		`\bldap(?:search|modify|add|delete|passwd|whoami|compare|modrdn|exop)\b[^\n]{0,150}?[ \t]-w[ \t]*['"]?(`+cliValue+`)`, " -w"),
	cliPassword("SMB_USER_PASSWORD", "A password in smbclient/rpcclient/smbmap -U user%password.",
		`\b(?:smbclient|rpcclient|smbmap|smbcacls|smbget)\b[^\n]{0,150}?[ \t](?:-U[ \t]*|--user(?:=|[ \t]+))['"]?[^\s%'"]{1,64}%(`+cliValue+`)`, " -u", " --user"),
	cliPassword("LFTP_USER_PASSWORD", "A password in lftp -u user,password.",
		`\blftp\b[^\n]{0,100}?[ \t]-u[ \t]+['"]?[^\s,'"]{1,64},['"]?(`+cliValue+`)`, " -u"),
	cliPassword("NET_USE_PASSWORD", "A password after /user: in a Windows net use command.",
		`(?i)\bnet[ \t]+use\b[^\n]{0,150}?/user:\S+[ \t]+['"]?((?-i:`+cliValue+`))`, "/user:"),
	cliPassword("FREERDP_PASSWORD", "A password given to xfreerdp /p:.",
		`\b(?:xfreerdp|wlfreerdp|sdl-freerdp)\b[^\n]{0,200}?[ \t]/p:['"]?(`+cliValue+`)`, "/p:"),
	cliPassword("OPENSSL_PASS_ARG", "A literal pass phrase in an OpenSSL -passin/-passout/-pass pass:... argument.",
		`-pass(?:in|out)?[ \t]+['"]?pass:(`+cliValue+`)`, "pass:"),
	cliPassword("CQLSH_PASSWORD", "A password given to cqlsh -p or --password.",
		`\bcqlsh\b[^\n]{0,100}?[ \t](?:-p|--password)(?:=|[ \t]+)['"]?(`+cliValue+`)`, " -p", " --password"),
	// Archive passwords: zip -P, 7z -p (no space), unzip -P.
	cliPassword("ZIP_PASSWORD", "A password given to zip/unzip -P or 7z -p.",
		`\b(?:zip|unzip|7z|7za|7zz)\b[^\n]{0,80}?[ \t](?:-P[ \t]+|-p)['"]?(`+cliValue+`)`, " -p"),
	cliPassword("SSH_KEYGEN_PASSPHRASE", "A passphrase given to ssh-keygen -N (new) or -P (old).",
		`\bssh-keygen\b[^\n]{0,120}?[ \t]-[NP][ \t]+['"]?(`+cliValue+`)`, "ssh-keygen"),
	cliPassword("RABBITMQCTL_PASSWORD", "A password given to rabbitmqctl add_user or change_password.",
		`\brabbitmqctl\b[^\n]{0,60}?[ \t](?:add_user|change_password)[ \t]+['"]?[^\s'"]{1,64}['"]?[ \t]+['"]?(`+cliValue+`)`, "add_user", "change_password"),
	// A user line of an ftp script (ftp -n with a here-document): user NAME PASSWORD.
	with(own("FTP_USER_PASSWORD", "A password on the user line of an ftp script (user NAME PASSWORD).",
		`(?m)^[ \t]*user[ \t]+[^\s'"]{1,64}[ \t]+['"]?([^\s'"$<{*%-][^\s'"]{5,63})['"]?[ \t]*$`, "user "), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && charClasses(v) >= 3 }
		r.Type = idPassword
		r.Score = 0.6
	}),
	// Postfix SASL password maps: [relay]:port user:password.
	with(own("POSTFIX_SASL_PASSWORD", "A password in a Postfix sasl_passwd map ([relay]:port user:password).",
		`\[[A-Za-z0-9.-]{1,100}\.[A-Za-z]{2,24}\]:[0-9]{1,5}[ \t]+[^\s:\[\]/]{1,100}:([^\s\[/][^\s]{2,127})`, "]:"), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	}),
	// PHP curl: curl_setopt($ch, CURLOPT_USERPWD, "user:password").
	with(own("CURLOPT_USERPWD", "A password in PHP curl's CURLOPT_USERPWD (user:password).",
		`(?i)CURLOPT_(?:PROXY)?USERPWD\s*,\s*["'][^:"'\n]{1,64}:([^"'\n]{3,80})["']`, "userpwd,", "userpwd ,"), authTuple),
	// Ruby Net::HTTP: req.basic_auth 'user', 'password'.
	with(own("RUBY_BASIC_AUTH", "A password given to Ruby's basic_auth / proxy_basic_auth ('user', 'password').",
		`basic_auth\s*\(?\s*["'][^"'\n]{1,64}["']\s*,\s*["']([^"'\n]{3,80})["']`, "basic_auth"), authTuple),
	// More command lines and code that take a password as an argument.
	cliPassword("AZ_LOGIN_PASSWORD", "A password given to az login -p / --password.",
		`\baz[ \t]+login\b[^\n]{0,150}?[ \t](?:-p|--password)(?:=|[ \t]+)['"]?(`+cliValue+`)`, "az login -"),
	cliPassword("NET_USER_PASSWORD", "A password in a Windows net user NAME PASSWORD /add command.",
		`(?i)\bnet[ \t]+user[ \t]+\S{1,64}[ \t]+((?-i:[^\s/*'"$%][^\s'"]{2,63}))[ \t]+/add\b`, "/add"),
	with(own("POWERSHELL_SECURESTRING", "A plain-text password turned into a SecureString in PowerShell (ConvertTo-SecureString 'x' -AsPlainText).",
		`(?i)ConvertTo-SecureString\s+(?:-String\s+)?["']([^"'\n$]{3,128})["']\s+-AsPlainText`, "convertto-securestring"), authTuple),
	with(own("SQL_IDENTIFIED_BY", "A password in SQL: CREATE/ALTER USER ... IDENTIFIED BY 'x' (MySQL, MariaDB, Oracle).",
		`(?i)\bIDENTIFIED\s+(?:WITH\s+\S+\s+)?BY\s+["']([^"'\n]{3,128})["']`, "identified by '", "identified by \"", "by '", "by \""), authTuple),
	// PostgreSQL, SQL Server, Snowflake, Redshift, Vertica: CREATE/ALTER
	// USER|ROLE|LOGIN name ... PASSWORD 'x' (WITH, LOGIN, ENCRYPTED and
	// other options between; SQL Server's N'x' and PASSWORD = 'x').
	with(own("SQL_ROLE_PASSWORD", "A password in SQL: CREATE/ALTER USER, ROLE or LOGIN ... PASSWORD 'x' (PostgreSQL, SQL Server, Snowflake, Redshift).",
		`(?i)\b(?:CREATE|ALTER)\s+(?:USER|ROLE|LOGIN)\s[^;\n]{0,160}?\bPASSWORD\s*=?\s*N?'([^'\n]{3,128})'`,
		"password '", "password='", "password = '", "password n'", "password=n'", "password = n'"), func(r *ruleDef) {
		authTuple(r)
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) && !postgresVerifier(v) }
	}),
	with(own("JDBC_GET_CONNECTION", "A password given to JDBC DriverManager.getConnection(url, user, password).",
		`getConnection\s*\(\s*[^,\n]{1,200},\s*"[^"\n]{1,64}"\s*,\s*"([^"\n]{3,128})"`, "getconnection(", "getconnection ("), authTuple),
	with(own("PHP_DB_CONNECT", "A password given to PHP's PDO, mysqli or mysqli_connect (dsn or host, user, password).",
		`(?i)(?:\bnew\s+(?:PDO|mysqli)|\bmysqli?_connect)\s*\(\s*(?:["'][^"'\n]{0,200}["']|\$\w{1,40})\s*,\s*["'][^"'\n]{1,64}["']\s*,\s*["']([^"'\n]{3,128})["']`,
		"pdo(", "pdo (", "mysqli(", "mysqli (", "_connect(", "_connect ("), authTuple),
	// Go's MySQL driver DSN: user:password@tcp(host:port)/db.
	with(own("GO_MYSQL_DSN", "A password in a Go MySQL driver DSN (user:password@tcp(host:port)/db, @unix(socket)).",
		`(?:^|[\s"'=`+"`"+`])[A-Za-z0-9_.\-]{1,64}:([^\s@"'/`+"`"+`]{3,128})@(?:tcp|unix)\(`, "@tcp(", "@unix("), authTuple),
	// A login call with a user and a password: Python's smtplib, ftplib,
	// imaplib and poplib, and client libraries shaped like them.
	with(own("LOGIN_CALL_PASSWORD", "A password given to a login(user, password) call in code (smtplib, ftplib, imaplib …).",
		`\.login\(\s*(?:user(?:name)?\s*=\s*)?["'][^"'\n]{1,100}["']\s*,\s*(?:passw(?:or)?d\s*=\s*)?["']([^"'\n]{3,128})["']`, ".login("), authTuple),
	// The default of a property placeholder named for a password: Spring's
	// ${smtp.password:value}, the shell's ${DB_PASSWORD:-value}.
	with(own("PROPERTY_DEFAULT_PASSWORD", "A literal default given to a password placeholder (Spring ${x.password:value}, shell ${DB_PASSWORD:-value}).",
		`(?i)\$\{[A-Za-z0-9_.\-]{0,60}(?:password|passwd|pwd)[A-Za-z0-9_.\-]{0,60}:-?([^}\s$"'{]{3,128})\}`, "${"), authTuple),
	// A Kubernetes container env entry (and other name/value lists in
	// YAML): "- name: DB_PASSWORD" with "value: x" on the next line. The
	// value is a literal (valueFrom: secretKeyRef is a reference and has
	// no "value:").
	with(own("ENV_ENTRY_PASSWORD", "A password in a name/value entry in YAML (a Kubernetes env entry: name: DB_PASSWORD, value: x).",
		`(?i)\bname:[ \t]*["']?[A-Za-z0-9_.\-]{0,60}(?:pass|pwd)[A-Za-z0-9_.\-]{0,40}["']?[ \t]*\r?\n[ \t]*value:[ \t]*["']?([^"'\s#{$<][^"'\n]{2,127}?)["']?[ \t]*(?:\r?\n|$)`, "value:"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return len(v) >= 4 && !isTemplate(v) && !isPlaceholder(v) && index(v, " ") < 0 }
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("ENV_ENTRY_SECRET", "A high-entropy secret, token or key in a name/value entry in YAML (a Kubernetes env entry: name: API_TOKEN, value: x).",
		`(?i)\bname:[ \t]*["']?[A-Za-z0-9_.\-]{0,60}(?:secret|token|api_?key|access_?key|private_?key|credential)[A-Za-z0-9_.\-]{0,40}["']?[ \t]*\r?\n[ \t]*value:[ \t]*["']?([^"'\s#{$<][^"'\s]{11,255})["']?[ \t]*(?:\r?\n|$)`, "value:"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && charClasses(v) >= 2 && shannon(v) > 3.2 && hasDigitAndLetter(v)
		}
		r.Type = idGeneric
		r.Score = 0.6
	}),
	// Helm: --set auth.password=value is a literal, whatever its shape.
	with(own("HELM_SET_PASSWORD", "A password given on a Helm (or similar) --set key=value flag.",
		`--set(?:-string)?[ \t=]+["']?[A-Za-z0-9_.\[\]\-]{0,80}(?i:password|passwd|pwd)[A-Za-z0-9_.\[\]\-]{0,40}=([^\s,"'\\]{3,128})`, "--set"), authTuple),
	// Session cookies of common frameworks: whoever holds one is logged in.
	with(own("SESSION_COOKIE", "A session cookie value of a common web framework (JSESSIONID, PHPSESSID, ASP.NET_SessionId, Django sessionid, Express connect.sid, Laravel, Rails, NextAuth).",
		`(?i)\b(?:JSESSIONID|PHPSESSID|ASP\.NET_SessionId|sessionid|connect\.sid|laravel_session|_session_id|ci_session|next-auth\.session-token)=([A-Za-z0-9%._\-+/:=]{16,512})`,
		"jsessionid=", "phpsessid=", "asp.net_sessionid=", "sessionid=", "connect.sid=", "laravel_session=", "_session_id=", "ci_session=", "next-auth.session-token="), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && charClasses(v) >= 2 && shannon(v) > 3
		}
		r.Type = "SESSION_COOKIE"
		r.Score = 0.7
	}),
	// A Wi-Fi key next to its network: "SSID acme-guest, Schlüssel: …",
	// "WLAN-Schlüssel: …", "Wi-Fi: CorpNet, key: …".
	with(own("WIFI_KEY", "A Wi-Fi key or password stated next to its network name (SSID, WLAN, Wi-Fi), in several languages.",
		`(?i)\b(?:ssid|wlan|wi-?fi|wpa2?)\b[^\n]{0,80}?(?:schlüssel|key|passwort|password|kennwort|clé|clave|chiave|contraseña|senha|chave|wachtwoord|sleutel|hasło|klucz|nyckel|lösenord|psk|pass)\s*[:=]\s*["']?([^\s"',;]{8,63})`,
		"ssel:", "ssel :", "key:", "key :", "clave:", "chiave:", "sleutel:", "klucz:", "nyckel:", "chave:"), func(r *ruleDef) {
		r.Gate = wifiNear
		r.Validate = func(v string) bool {
			v = strings.TrimRight(v, ".!?)")
			return len(v) >= 8 && !isTemplate(v) && !isPlaceholder(v) && (charClasses(v) >= 2 || joinedParts(v) >= 3) &&
				!containsFold(v, "wpa") && !containsFold(v, "personal") && !containsFold(v, "enterprise")
		}
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("TERRAFORM_VARIABLE_DEFAULT", "A default value of a Terraform variable whose name is a password, secret or token.",
		`(?i)\bvariable\s+"[^"\n]{0,40}(?:pass|pwd|secret|token|api_key|apikey)[^"\n]{0,40}"\s*\{[^}]{0,300}?\bdefault\s*=\s*"([^"\n]{3,128})"`, "variable \""), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) && charClasses(v) >= 2 }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// A password piped into a command that reads it from standard input.
	with(own("ECHO_PIPED_PASSWORD", "A password echoed into sudo -S, --password-stdin, passwd --stdin or chpasswd.",
		`\becho\s+(?:-n\s+)?["']?(?:[^\s:"'|]{1,64}:)?([^\s"'|$]{3,128})["']?\s*\|\s*(?:sudo\s+(?:-\w+\s+)*-S\b|[^\n|]{0,80}--password-stdin|[^\n|]{0,40}\bpasswd\s+--stdin|(?:sudo\s+)?chpasswd)`,
		"| sudo -s", "|sudo -s", "--password-stdin", "passwd --stdin", "| chpasswd", "|chpasswd", "| sudo chpasswd"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Oracle tools: sqlplus user/password@tns (at the start of a line).
	with(own("ORACLE_USER_PASSWORD", "A password in an Oracle command line (sqlplus, expdp, impdp, rman, sqlldr user/password@db).",
		`(?m)^[ \t]*(?:sqlplus|expdp|impdp|rman|sqlldr|dgmgrl)[ \t]+(?:-[sSlL][ \t]+)*["']?[A-Za-z0-9_$#]{1,30}/([^\s@"'/$]{3,64})@`,
		"sqlplus ", "expdp ", "impdp ", "rman ", "sqlldr ", "dgmgrl "), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Passwords named in Chinese, Japanese or Korean: 密码: x, パスワード：x.
	with(own("CJK_PASSWORD", "A password after its name in Chinese, Japanese or Korean (密码, 密碼, パスワード, 비밀번호 or 비번, 口令).",
		`(?:密码|密碼|パスワード|비밀번호|비번|口令)(?:(?:[／/][^\s:：／/]{1,8}|[（(][^）)\n]{1,12}[）)])\s*[:：]|\s*(?:[:：]|は|是|为|為|는|은)?)\s*["'「]?([!-~]{5,63}[A-Za-z0-9!#$%&*+\-/<=>?@^_|~])`,
		"密码", "密碼", "パスワード", "비밀번호", "비번", "口令"), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			// three character classes, or words joined by dots, dashes or
			// underscores ("velvet.maple.tundra")
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && (charClasses(v) >= 3 || joinedParts(v) >= 3 && !qualifiedName(v) || dottedPassphrase(v))
		}
		r.Type = idPassword
		r.Score = 0.7
	}),
	// PostgreSQL password files: host:port:database:user:password.
	with(own("PGPASS_LINE", "A password in a PostgreSQL .pgpass line (host:port:database:user:password).",
		`(?m)^[ \t]*[^\s:#]{1,253}:(?:[0-9]{1,5}|\*):[^\s:]{1,63}:[^\s:]{1,63}:([^\s]{3,128})[ \t]*$`,
		":5432:", ":6432:", ":*:"), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	// Network device configurations (Cisco IOS and look-alikes): plain-text
	// (type 0) and reversible type 7 passwords; type 5, 8 and 9 are hashes
	// ($1$, $8$, $9$), reported as PASSWORD_HASH.
	with(own("NETWORK_DEVICE_PASSWORD", "A password in a network device configuration (enable secret/password, username ... secret/password, type 0 or 7).",
		`(?m)^[ \t]*(?:enable[ \t]+(?:secret|password)|username[ \t]+\S{1,64}(?:[ \t]+privilege[ \t]+[0-9]{1,2})?[ \t]+(?:secret|password))(?:[ \t]+(?:level[ \t]+[0-9]{1,2}[ \t]+)?[07])?[ \t]+([^\s$][^\s]{2,63})[ \t]*$`,
		"enable secret", "enable password", "username "), func(r *ruleDef) {
		r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(own("SNMP_COMMUNITY", "An SNMP v1/v2c community string in a network device configuration (snmp-server community X RO|RW); not the defaults public and private.",
		`(?mi)^[ \t]*snmp-server[ \t]+community[ \t]+(\S{3,64})[ \t]+(?:RO|RW)\b`, "snmp-server community "), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !equalFold(v, "public") && !equalFold(v, "private")
		}
		r.Type = idPassword
		r.Score = 0.6
	}),
	// Key/value lists (Postman collections and environments, many APIs'
	// settings): {"key": "token", "value": "..."}.
	with(own("KEY_VALUE_PAIR_SECRET", "A secret in a key/value pair object whose key names a token, password or secret (Postman collections and environments).",
		`"key"\s*:\s*"[^"\n]{0,40}(?i:token|secret|password|passwd|pwd|apikey|api_key|api-key|auth|credential)[^"\n]{0,40}"\s*,\s*"value"\s*:\s*"([^"\n]{6,256})"`,
		`"key":`, `"key" :`), func(r *ruleDef) {
		r.Validate = func(v string) bool {
			return !isTemplate(v) && !isPlaceholder(v) && !obviousFake(v) && (tokenShaped(v) || (len(v) >= 8 && charClasses(v) >= 3))
		}
		r.Kind = kindGeneric
		r.Type = idGeneric
		r.Score = 0.6
	}),
	// htpasswd in batch mode takes the password on the command line:
	// htpasswd -b[cBmsp] FILE USER PASSWORD, or -nb USER PASSWORD (to stdout).
	cliPassword("HTPASSWD_BATCH_PASSWORD", "A password given to htpasswd -b (batch mode: file, user, password).",
		`\bhtpasswd(?:[ \t]+-[A-Za-mo-z]+)*?[ \t]+-[A-Za-mo-z]*b[A-Za-mo-z]*(?:[ \t]+-[A-Za-mo-z]+)*[ \t]+['"]?[^\s'"-][^\s'"]*['"]?[ \t]+['"]?[^\s'"]+['"]?[ \t]+['"]?(`+cliValue+`)`,
		"htpasswd -"),
	cliPassword("HTPASSWD_STDOUT_PASSWORD", "A password given to htpasswd -nb (user and password, printed to stdout).",
		`\bhtpasswd(?:[ \t]+-[A-Za-z]+)*?[ \t]+-[A-Za-z]*(?:n[A-Za-z]*b|b[A-Za-z]*n)[A-Za-z]*(?:[ \t]+-[A-Za-z]+)*[ \t]+['"]?[^\s'"-][^\s'"]*['"]?[ \t]+['"]?(`+cliValue+`)`,
		"htpasswd -"),
	// Basic credentials as a (user, password) pair in code: Python requests
	// auth=("user", "pw"), HTTPBasicAuth("user", "pw"), aiohttp BasicAuth.
	with(own("HTTP_AUTH_TUPLE", "A password in a (user, password) pair given as HTTP credentials in code (Python requests auth=(...)).",
		`(?i)auth\s*=\s*[(\[]\s*["'][^"'\n]{1,64}["']\s*,\s*["']([^"'\n]{3,80})["']`,
		"auth=(", "auth =(", "auth= (", "auth = (", "auth=[", "auth = ["), authTuple),
	with(own("HTTP_AUTH_OBJECT", "A password given to an HTTP Basic, Digest or proxy credentials object in code (HTTPBasicAuth, HTTPDigestAuth, aiohttp BasicAuth).",
		`(?i)(?:basic|digest|proxy)auth\s*\(\s*(?:(?:username|user|login)\s*=\s*)?["'][^"'\n]{1,64}["']\s*,\s*(?:password\s*=\s*)?["']([^"'\n]{3,80})["']`,
		"basicauth(", "basicauth (", "digestauth(", "digestauth (", "proxyauth(", "proxyauth ("), authTuple),
	// HTTPie's Basic credentials: http --auth user:password URL.
	with(own("HTTPIE_AUTH", "Basic credentials in an HTTPie command (http -a user:password).",
		`\bhttps?(?:[ \t][^\n]{0,100}?)?[ \t](?:-a|--auth)(?:=|[ \t]+)['"]?[^\s:'"]{1,64}:([^\s'"$<{][^\s'"]{2,63})`,
		"--auth", " -a "), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	}),
	with(np("GRADLE_CREDENTIALS", "A password in a Gradle/Maven credentials block.",
		`(?i)credentials\s*\{[^}]{0,200}?password\s*=?\s*["']([^"'\n]{3,80})["']`, "credentials{", "credentials {"), func(r *ruleDef) { r.Validate = notTemplate; r.Type = idPassword }),
	with(own("MAVEN_SETTINGS_PASSWORD", "A password in a Maven settings.xml <server> entry.",
		`(?s)<server>.{0,300}?<password>([^<{$]{3,128})</password>`, "<server>"), func(r *ruleDef) { r.Validate = notTemplate; r.Type = idPassword }),

	// --- further Nosey Parker formats ---
	with(np("AWS_ACCESS_KEY_ID_ANY", "An AWS access key id (AKIA, ASIA, A3T) by its format, without an entropy gate.",
		`\b((?:A3T[A-Z0-9]|AKIA|ASIA)[A-Z0-9]{16})\b`, "a3t", "akia", "asia"), func(r *ruleDef) {
		r.Type = "AWS_ACCESS_KEY_ID"
		r.Allow = []string{`EXAMPLE$`} // AWS's documentation key
	}),
	with(np("AWS_UNIQUE_ID", "An AWS IAM unique id (AIDA user, AROA role, AGPA group, AIPA instance profile, ANPA/ANVA policy; identifier).",
		`\b((?:AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16})\b`, "agpa", "aida", "aroa", "aipa", "anpa", "anva"), identifier),
	with(np("GOOGLE_OAUTH_CLIENT_SECRET_CONTEXT", "A Google OAuth client secret (24 characters) after a client_secret name.",
		`(?i)client[\w. -]?secret["']?\s*(?::|=|=>|,)\s*["']?\b([a-z0-9_-]{24})(?:[^a-z0-9_-]|$)`, "client_secret", "clientsecret", "client-secret", "client.secret"),
		func(r *ruleDef) { r.Contextual = true; r.Type = "GOOGLE_OAUTH_CLIENT_SECRET" }),
	with(np("JWT_SECRET_CONFIG", "A JWT signing secret in a YAML config (jwt: secret: \"...\" or jwtsecret:).",
		`(?mi)^\s*(?:jwt:\s+secret:|jwtsecret:)\s+["']([^"'\n]{6,200})["']`, "jwt:", "jwtsecret:"),
		func(r *ruleDef) { r.Kind = kindGeneric; r.Type = idGeneric; r.Score = 0.6; r.Validate = notTemplate }),
	// Mapbox public tokens are meant to ship in web pages
	// (https://docs.mapbox.com/help/dive-deeper/access-tokens/): an account
	// identifier, not a credential.
	with(own("MAPBOX_PUBLIC_TOKEN", "A Mapbox public access token (pk.; identifier: public by design, it names the account).",
		`\b(pk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,})`, "pk.eyj"), identifier),
	{ID: "SUPABASE_ANON_KEY", Desc: "A Supabase anon key: a JWT with \"role\":\"anon\" (identifier: public by design with row-level security; public.go).",
		Keywords: []string{"eyj"}, Scan: scanSupabaseAnon, Kind: kindIdentifier, Score: 0.3, Source: srcParapet, License: licParapet},
	{ID: "FIREBASE_WEB_API_KEY", Desc: "A Google API key inside a Firebase web config (identifier: public by design; public.go).",
		Keywords: []string{"aiza"}, Scan: scanFirebaseWebKey, Kind: kindIdentifier, Score: 0.3, Source: srcParapet, License: licParapet},
	with(np("MAPBOX_ACCESS_TOKEN", "A Mapbox secret (sk.) or temporary (tk.) access token within 30 bytes after mapbox (public pk. tokens are MAPBOX_PUBLIC_TOKEN).",
		`(?is)mapbox.{0,30}((?:pk|sk|tk)\.[a-z0-9\-+/=]{32,128}\.[a-z0-9\-+/=]{20,30})(?:[^a-z0-9\-+/=]|$)`, "mapbox"), contextual),
	with(np("PHPMAILER_CREDENTIALS", "The password in PHPMailer SMTP settings ($mail->Host, ->Username, ->Password).",
		`\$mail->Host\s*=\s*'[^'\n]{5,}';\s*(?://.*)?(?:\s*.*\s*){0,3}\$mail->Username\s*=\s*'[^'\n]{5,}';\s*(?://.*)?(?:\s*.*\s*){0,3}\$mail->Password\s*=\s*'([^'\n]{5,})';`, "$mail->host"),
		func(r *ruleDef) { r.Type = idPassword; r.Score = 0.8; r.Validate = notTemplate }),
	with(np("REACT_APP_PASSWORD", "A password in a create-react-app .env variable (REACT_APP_..._PASS or _PASSWORD).",
		`(?i)\bREACT_APP(?:_[A-Z0-9]+)*_PASS(?:WORD)?\s*=\s*['"]?([^\s'"$]{6,})(?:[\s'"$]|$)`, "react_app_"),
		func(r *ruleDef) { r.Type = idPassword; r.Score = 0.7; r.Validate = notTemplate }),
	with(np("REACT_APP_USERNAME", "A username in a create-react-app .env variable (REACT_APP_..._USER or _USERNAME; identifier).",
		`(?i)\bREACT_APP(?:_[A-Z0-9]+)*_USER(?:NAME)?\s*=\s*['"]?([^\s'"$]{3,})(?:[\s'"$]|$)`, "react_app_"),
		func(r *ruleDef) { r.Kind = kindIdentifier; r.Validate = notTemplate }),
	with(np("SLACK_APP_TOKEN_LEGACY", "A Slack app-level token in the xapp-<12 digits>-<24> format.",
		`\b(xapp-[0-9]{12}-[a-zA-Z0-9/+]{24})\b`, "xapp-"), func(r *ruleDef) { r.Type = "SLACK_APP_TOKEN" }),
	with(np("TWITTER_CLIENT_ID_CONTEXT", "A Twitter/X API (consumer) key or client id next to a twitter id/key name.",
		`(?i)\btwitter[\w.-]?(?:api|app|application|client|consumer|customer)?[\w.-]?(?:id|identifier|key)["']?\s{0,20}(?::|=|=>|,)\s{0,20}["']?\b([a-z0-9]{18,25})\b`, "twitter"),
		func(r *ruleDef) { r.Contextual = true; r.Type = "TWITTER_API_KEY"; r.Loose = true }),
	with(np("PASSWORD_IN_PROSE", "A password stated in prose: the (default) password (for user 'x') is 'y'.",
		`(?i)the (?:default )?password (?:for (?:the )?(?:user|username) ['"][^'"\n#$|{<+ ()\\][^'"\n]{2,24}['"] )?is ['"]([^'"\n#$|{<+ ()\\][^'"\n]{3,60})['"]`,
		"password is '", "password is \"", "' is '", "\" is \""),
		func(r *ruleDef) { r.Kind = kindGeneric; r.Type = idPassword; r.Score = 0.6; r.Validate = notTemplate }),
	with(np("VAULT_TOKEN_LEGACY_FORMAT", "A HashiCorp Vault service token with the pre-1.10 s. prefix (s. + 23 or more base62) by its format.",
		`\b(s\.[A-Za-z0-9]{23,})\b`, "s."), func(r *ruleDef) {
		r.Type = "VAULT_SERVICE_TOKEN"
		r.Entropy = 3.5
		r.Allow = []string{`^s\.[A-Za-z]+$`}
		r.Validate = hasDigitAndLetter
		r.Loose = true
	}),

	// --- password hashes ---
	with(np("PASSWORD_HASH_MD5CRYPT", "A md5crypt password hash.", `(\$1\$[./A-Za-z0-9]{8}\$[./A-Za-z0-9]{22})`, "$1$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(np("PASSWORD_HASH_BCRYPT", "A bcrypt password hash.", `(\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53})`, "$2a$", "$2b$", "$2x$", "$2y$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(np("PASSWORD_HASH_SHA256CRYPT", "A sha256crypt password hash.", `(\$5\$(?:rounds=\d+\$)?[./A-Za-z0-9]{8,16}\$[./A-Za-z0-9]{43})`, "$5$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(np("PASSWORD_HASH_SHA512CRYPT", "A sha512crypt password hash.", `(\$6\$(?:rounds=\d+\$)?[./A-Za-z0-9]{8,16}\$[./A-Za-z0-9]{86})`, "$6$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(np("PASSWORD_HASH_CISCO", "A Cisco IOS type 8 (PBKDF2) or type 9 (scrypt) password hash.", `(\$[89]\$[./A-Za-z0-9]{8,16}\$[./A-Za-z0-9]{43})`, "$8$", "$9$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(own("PASSWORD_HASH_ARGON2", "An Argon2 password hash.", `(\$argon2(?:id|i|d)\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128})`, "$argon2"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(own("PASSWORD_HASH_YESCRYPT", "A yescrypt password hash (/etc/shadow).", `(\$y\$[./A-Za-z0-9]{3,8}\$[./A-Za-z0-9]{16,32}\$[./A-Za-z0-9]{43})`, "$y$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
	with(np("PASSWORD_HASH_KERBEROS", "A Kerberos 5 AS-REP or TGS-REP hash (roastable ticket).", `(\$krb5(?:asrep|tgs)\$(?:17|18|23)\$(?:[^\s:$]{1,200}[:$])?(?:[^\s:$]{1,200}[:$])?[a-fA-F0-9]{32}\$[a-fA-F0-9]{64,})`, "$krb5asrep$", "$krb5tgs$"), func(r *ruleDef) { r.Type = "PASSWORD_HASH"; r.Score = 0.6 }),
}

// cliValue is a password argument: not a $VARIABLE, a <placeholder>, a
// {template}, a * prompt, a %VAR% or the next -flag.
const cliValue = `[^\s'"$<{*%-][^\s'"]{2,63}`

// cliPassword is a password on a command line: reported however weak
// unless it is a template, like the other credential formats.
func cliPassword(id, desc, pattern string, kws ...string) ruleDef {
	// a command broken over lines with a backslash is one command
	pattern = strings.ReplaceAll(pattern, `[^\n]{0,`, `(?:[^\n]|\\\n){0,`)
	return with(own(id, desc, pattern, kws...), func(r *ruleDef) {
		r.Validate = notTemplate
		r.Type = idPassword
		r.Score = 0.7
	})
}

// authTuple is a password in a (user, password) pair in code: not a
// template or a placeholder.
// wifiNear gates WIFI_KEY: a network word within 100 bytes before the key.
func wifiNear(text string, ks, _ int) bool {
	return containsAny(wifiMatcher, text[max(0, ks-100):ks])
}

var wifiMatcher = partMatcher([]string{"ssid", "wlan", "wifi", "wi-fi", "wpa"})

func authTuple(r *ruleDef) {
	r.Validate = func(v string) bool { return !isTemplate(v) && !isPlaceholder(v) }
	r.Type = idPassword
	r.Score = 0.7
}

// stripePublishable reports a Stripe publishable key (pk_live_, pk_test_):
// meant for browsers (https://docs.stripe.com/keys), not a secret.
func stripePublishable(v string) bool {
	return len(v) > 8 && (v[:8] == "pk_live_" || v[:8] == "pk_test_")
}

// mapboxPublic reports a Mapbox public token (pk.eyJ...).
func mapboxPublic(v string) bool { return len(v) > 6 && v[:6] == "pk.eyJ" }

func isLowerHex(c byte) bool { return isDigit(c) || ('a' <= c && c <= 'f') }

func notPlaceholder(s string) bool { return !isPlaceholder(s) }

func notTemplate(s string) bool { return !isTemplate(s) }

// postgresVerifier reports a password PostgreSQL stores already hashed,
// which CREATE ROLE ... PASSWORD accepts as given: "md5" and 32 hex digits,
// or a SCRAM-SHA-256 verifier.
func postgresVerifier(v string) bool {
	if len(v) == 35 && v[:3] == "md5" {
		for i := 3; i < len(v); i++ {
			if !isLowerHex(v[i]) {
				return false
			}
		}
		return true
	}
	return hasPrefixFold(v, "scram-sha-256$")
}

func hasDigitAndLetter(s string) bool {
	d, l := false, false
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			d = true
		} else if isLetter(s[i]) {
			l = true
		}
	}
	return d && l
}

// mixedBase64 rejects 40-character runs that are plain hex or words: an
// AWS secret key is base64 with mixed case.
func mixedBase64(s string) bool {
	lo, up := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			lo = true
		} else if 'A' <= c && c <= 'Z' {
			up = true
		}
	}
	return lo && up
}

// validBasicAuth decodes the credentials and wants user:password with a
// password that is not a placeholder.
func validBasicAuth(s string) bool {
	var buf [192]byte
	n := decodeBase64Prefix(s, buf[:])
	b := buf[:n]
	colon := -1
	for i, c := range b {
		if c < 0x20 || c > 0x7e {
			return false
		}
		if colon < 0 && (c == '"' || c == '{') {
			return false // JSON (a JWT header), not user:password
		}
		if c == ':' && colon < 0 {
			colon = i
		}
	}
	if colon < 0 || colon == len(b)-1 {
		return false
	}
	return !isTemplate(string(b[colon+1:]))
}

// sasContext is checked on the signature itself; the pattern already
// needs ?sig= or &sig=.
func sasContext(s string) bool { return !isPlaceholder(s) }

func isB64Std(c byte) bool { return isAlnum(c) || c == '+' || c == '/' }

// hasRun reports a run of at least n bytes for which in is true within
// text[from:to].
func hasRun(text string, from, to int, in func(byte) bool, n int) bool {
	if to > len(text) {
		to = len(text)
	}
	run := 0
	for i := from; i < to; i++ {
		if in(text[i]) {
			if run++; run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// nearWord returns a Gate that wants word (lower case) within n bytes of
// the keyword hit.
func nearWord(word string, n int) func(text string, ks, ke int) bool {
	return func(text string, ks, ke int) bool {
		return containsFold(text[max(0, ks-n):min(len(text), ke+n)], word)
	}
}

// shortLowerWord reports a value of six lower-case letters or fewer
// ("file", "stdin", "prompt"): in a usage line, the name of an argument.
func shortLowerWord(v string) bool {
	return len(v) <= 6 && lowerWordOnly(v)
}
