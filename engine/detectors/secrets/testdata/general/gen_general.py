#!/usr/bin/env python3
"""Generate the hand-written general secrets sets (dev.jsonl, holdout.jsonl).

Every key, token and password below is random and fake: values are drawn
from Python's `random` module (seeded) in the documented FORMAT of each
provider, never copied from a real credential. Run from this directory:

    python3 gen_general.py

The two sets share the generators (same mix of kinds) but each kind's
wrapper contexts are split between dev and holdout, fillers are drawn
independently, and a holdout candidate whose text (with secret values
masked) is too similar to any dev row is redrawn.
"""
import base64
import difflib
import hashlib
import json
import random
import string
import uuid

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
AN = UP + LO + DI
HEX = "0123456789abcdef"
B64 = AN + "+/"
B64U = AN + "-_"

R = random.Random()
SPLIT = "dev"


def pk(lst):
    """Pick from this split's half of a fixed pool (dev: even, holdout: odd)."""
    return R.choice(lst[0::2] if SPLIT == "dev" else lst[1::2])


def rs(alpha, n):
    return "".join(R.choice(alpha) for _ in range(n))


def b64lines(nbytes, width=64, prefix=b""):
    raw = prefix + bytes(R.getrandbits(8) for _ in range(nbytes))
    s = base64.b64encode(raw).decode()
    return [s[i:i + width] for i in range(0, len(s), width)]


def b64url_json(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


# ---------------------------------------------------------------- fillers
HOSTS = ["db.internal", "pg-prod-2.acme.io", "10.0.3.17", "mysql.staging.local", "cluster0.x7kq2.mongodb.net",
         "redis-master.cache.svc", "orders-db.c9akciq32.eu-west-1.rds.amazonaws.com", "localhost", "db01.corp.lan",
         "analytics-pg.fly.dev", "rabbit.queue.svc.cluster.local"]
USERS = ["admin", "app", "svc_orders", "postgres", "reporting", "deploy", "jenkins", "etl_user", "root", "backend"]
NAMES = ["Dan", "Priya", "Marco", "Aiko", "Lena", "Tom", "Fatima", "Jonas", "Chen", "Sofia", "Olu", "Greta"]
SERVICES = ["billing", "checkout", "notifier", "search-api", "ingest", "auth-gateway", "reports", "webhooks",
            "scheduler", "mobile-bff", "crm-sync", "image-resizer"]
ENV_NOISE = ["NODE_ENV=production", "PORT=8080", "LOG_LEVEL=debug", "DEBUG=false", "TZ=UTC", "APP_NAME=orders",
             "REDIS_DB=2", "WORKERS=4", "FEATURE_NEW_CHECKOUT=true", "SENTRY_ENVIRONMENT=staging",
             "AWS_REGION=eu-west-1", "CACHE_TTL=300", "MAX_UPLOAD_MB=25", "PUBLIC_URL=https://app.example.com"]


def noise(k):
    return R.sample(ENV_NOISE, k)


# ------------------------------------------------ generic wrappers (NAME, V)
# Each returns text containing V exactly once.
def w_env(n, v, kind):
    lines = noise(R.randint(1, 3)) + [f"{n}={v}"] + noise(R.randint(0, 2))
    return "# .env\n" + "\n".join(lines) if R.random() < .5 else "\n".join(lines)


def w_export(n, v, kind):
    return R.choice(["$ ", "", "# add to ~/.zshrc\n"]) + f'export {n}="{v}"'


def w_yaml(n, v, kind):
    svc = R.choice(SERVICES)
    return f"{svc}:\n  enabled: true\n  timeout: {R.randint(2, 60)}s\n  {n.lower()}: \"{v}\"\n  retries: {R.randint(1, 5)}"


def w_json(n, v, kind):
    key = R.choice(["apiKey", "token", "secret", "api_key", "accessToken", "key", "auth_token"])
    return json.dumps({"service": R.choice(SERVICES), key: v, "region": R.choice(["us-east-1", "eu-central-1", "ap-south-1"])}, indent=2)


def w_python(n, v, kind):
    mod = R.choice(["client", "api", "sdk"])
    return (f"import os\nimport {mod}\n\n{n} = \"{v}\"  # TODO move to vault\n\n"
            f"def connect():\n    return {mod}.Client({n.lower()}={n})\n")


def w_js(n, v, kind):
    return (f"const axios = require('axios');\n\nconst {n.lower()} = '{v}';\n\n"
            f"axios.get('https://api.{R.choice(['acme', 'vendor', 'partner'])}.com/v2/items', {{ headers: {{ 'X-Api-Key': {n.lower()} }} }})\n"
            "  .then(r => console.log(r.data));")


def w_go(n, v, kind):
    return (f"package main\n\nimport \"fmt\"\n\nconst {n.lower().replace('_', '')} = \"{v}\"\n\n"
            f"func main() {{\n\tfmt.Println(\"using key\", len({n.lower().replace('_', '')}))\n}}")


def w_slack(n, v, kind):
    who = R.choice(NAMES)
    return R.choice([
        f"@{who.lower()} here's the key for staging: {v} — don't share it outside the channel pls",
        f"{who}: can someone check why this one gives 401? {v}",
        f"ok new token is {v} , old one revoked :white_check_mark:",
        f"[10:4{R.randint(0, 9)}] {who}: pasting the {kind} creds here for now\n{v}\n[10:5{R.randint(0, 9)}] {R.choice(NAMES)}: thx",
    ])


def w_email(n, v, kind):
    who = R.choice(NAMES)
    return (f"Subject: Credentials for {R.choice(SERVICES)}\n\nHi {who},\n\nAs discussed, please find the new {kind} credential below. "
            f"It goes live on Monday.\n\n    {v}\n\nBest regards,\n{R.choice(NAMES)}\nPlatform Team")


def w_ticket(n, v, kind):
    return (f"Ticket #{R.randint(1000, 99999)} — Priority: {R.choice(['High', 'Normal', 'Urgent'])}\n"
            f"Customer reports 401 Unauthorized since this morning. They sent us their config, the key is {v}. "
            "Please verify on our side.")


def w_ci_log(n, v, kind):
    return (f"2024-0{R.randint(1, 9)}-1{R.randint(0, 9)}T08:1{R.randint(0, 9)}:03.412Z ##[group]Run ./deploy.sh\n"
            f"+ {n}={v}\n+ ./deploy.sh --env production\nDeploying {R.choice(SERVICES)}... done")


def w_trace(n, v, kind):
    return ("Traceback (most recent call last):\n"
            f"  File \"/app/{R.choice(SERVICES)}/client.py\", line {R.randint(20, 400)}, in fetch\n"
            "    resp.raise_for_status()\n"
            f"requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: "
            f"https://api.{R.choice(['acme', 'vendor', 'partner'])}.io/v1/reports?key={v}&page=2")


def w_compose(n, v, kind):
    svc = R.choice(SERVICES)
    return (f"services:\n  {svc}:\n    image: ghcr.io/acme/{svc}:1.{R.randint(0, 9)}.{R.randint(0, 20)}\n"
            f"    environment:\n      - {n}={v}\n      - PORT=80{R.randint(10, 99)}\n    ports:\n      - \"8080:8080\"")


def w_k8s_env(n, v, kind):
    return (f"containers:\n  - name: {R.choice(SERVICES)}\n    env:\n      - name: {n}\n        value: \"{v}\"\n"
            "      - name: LOG_FORMAT\n        value: json")


def w_terraform(n, v, kind):
    return f"provider \"{R.choice(['acme', 'vendor', 'thirdparty'])}\" {{\n  {n.lower()} = \"{v}\"\n  region = \"{R.choice(['eu', 'us'])}\"\n}}"


def w_powershell(n, v, kind):
    return f"PS C:\\Users\\{R.choice(NAMES).lower()}> $env:{n} = \"{v}\"\nPS C:\\Users\\dev> npm run start"


def w_assistant(n, v, kind):
    return R.choice([
        f"Why does my script fail with 'invalid credentials'? I set {n} to {v} and it still doesn't work.",
        f"Can you help me debug this? Here's my code:\n\nclient = connect(token=\"{v}\")\nprint(client.me())",
        f"I keep getting rate limited. My key is {v}, is there something wrong with it?",
    ])


def w_toml(n, v, kind):
    return f"[{R.choice(SERVICES)}]\nendpoint = \"https://api.example.net\"\n{n.lower()} = \"{v}\"\ntimeout = {R.randint(5, 30)}"


def w_dockerfile(n, v, kind):
    return f"FROM python:3.1{R.randint(0, 2)}-slim\nWORKDIR /app\nCOPY . .\nENV {n}={v}\nCMD [\"python\", \"main.py\"]"


def w_gha(n, v, kind):
    return (f"jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      {n}: {v}\n    steps:\n"
            "      - uses: actions/checkout@v4\n      - run: make deploy")


def w_ini(n, v, kind):
    return f"[default]\nregion = eu-west-{R.randint(1, 3)}\n{n.lower()} = {v}\noutput = json"


def w_curl_header(n, v, kind):
    h = R.choice(["Authorization: Bearer ", "X-API-Key: ", "Authorization: token ", "api-key: "])
    return f"curl -sS -X {R.choice(['GET', 'POST'])} https://api.{R.choice(['acme', 'vendor', 'partner'])}.com/v1/{R.choice(['users', 'events', 'jobs'])} \\\n  -H \"{h}{v}\" \\\n  -H \"Content-Type: application/json\""


WRAPPERS = [w_env, w_export, w_yaml, w_json, w_python, w_js, w_go, w_slack, w_email, w_ticket, w_ci_log, w_trace,
            w_compose, w_k8s_env, w_terraform, w_powershell, w_assistant, w_toml, w_dockerfile, w_gha, w_ini,
            w_curl_header]


# ---------------------------------------------------------- secret kinds
# (type, env names, value generator).  Formats from provider documentation:
SIMPLE = [
    # GitHub: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
    ("github_pat", ["GITHUB_TOKEN", "GH_TOKEN"], lambda: "ghp_" + rs(AN, 36)),
    ("github_fine_grained_pat", ["GITHUB_PAT", "GH_PAT"], lambda: "github_pat_" + rs(AN, 22) + "_" + rs(AN, 59)),
    ("github_oauth", ["GITHUB_OAUTH_TOKEN"], lambda: "gho_" + rs(AN, 36)),
    # GitLab: https://docs.gitlab.com/ee/security/tokens/#token-prefixes
    ("gitlab_pat", ["GITLAB_TOKEN", "CI_API_TOKEN"], lambda: "glpat-" + rs(AN + "_-", 20)),
    # Slack: https://api.slack.com/authentication/token-types
    ("slack_bot_token", ["SLACK_BOT_TOKEN"], lambda: f"xoxb-{rs(DI, 12)}-{rs(DI, 13)}-{rs(AN, 24)}"),
    ("slack_user_token", ["SLACK_USER_TOKEN"], lambda: f"xoxp-{rs(DI, 12)}-{rs(DI, 12)}-{rs(DI, 13)}-{rs(HEX, 32)}"),
    ("slack_webhook", ["SLACK_WEBHOOK_URL"], lambda: f"https://hooks.slack.com/services/T{rs(UP + DI, 8)}/B{rs(UP + DI, 10)}/{rs(AN, 24)}"),
    # Stripe: https://docs.stripe.com/keys
    ("stripe_secret_key", ["STRIPE_SECRET_KEY", "STRIPE_KEY"], lambda: "sk_live_" + rs(AN, R.choice([24, 99]))),
    ("stripe_restricted_key", ["STRIPE_RESTRICTED_KEY"], lambda: "rk_live_" + rs(AN, R.choice([24, 99]))),
    # Twilio: https://www.twilio.com/docs/iam/api-keys (SK + 32 hex)
    ("twilio_api_key", ["TWILIO_API_KEY"], lambda: "SK" + rs(HEX, 32)),
    # SendGrid: https://docs.sendgrid.com/ui/account-and-settings/api-keys
    ("sendgrid", ["SENDGRID_API_KEY"], lambda: "SG." + rs(B64U, 22) + "." + rs(B64U, 43)),
    # Mailgun: https://documentation.mailgun.com/docs/mailgun/api-reference/authentication
    ("mailgun", ["MAILGUN_API_KEY"], lambda: R.choice(["key-" + rs(HEX, 32), rs(HEX, 32) + "-" + rs(HEX, 8) + "-" + rs(HEX, 8)])),
    # OpenAI: https://platform.openai.com/docs/api-reference/authentication
    ("openai", ["OPENAI_API_KEY"], lambda: R.choice(["sk-proj-" + rs(B64U, 156), "sk-" + rs(AN, 20) + "T3BlbkFJ" + rs(AN, 20),
                                                      "sk-svcacct-" + rs(B64U, 156)])),
    # Anthropic: https://docs.anthropic.com/en/api/getting-started
    ("anthropic", ["ANTHROPIC_API_KEY"], lambda: "sk-ant-api03-" + rs(B64U, 93) + "AA"),
    # DeepSeek: https://api-docs.deepseek.com/ (sk- + 32 hex)
    ("deepseek", ["DEEPSEEK_API_KEY"], lambda: "sk-" + rs(HEX, 32)),
    # Hugging Face: https://huggingface.co/docs/hub/security-tokens
    ("huggingface", ["HF_TOKEN", "HUGGINGFACE_TOKEN"], lambda: "hf_" + rs(UP + LO, 34)),
    # Google: https://cloud.google.com/docs/authentication/api-keys
    ("gcp_api_key", ["GOOGLE_API_KEY", "GEMINI_API_KEY", "MAPS_API_KEY"], lambda: "AIza" + rs(B64U, 35)),
    ("google_oauth_client_secret", ["GOOGLE_CLIENT_SECRET"], lambda: "GOCSPX-" + rs(B64U, 28)),
    # npm: https://github.blog/2021-09-23-announcing-npms-new-access-token-format/
    ("npm_token", ["NPM_TOKEN"], lambda: "npm_" + rs(AN, 36)),
    # PyPI: https://pypi.org/help/#apitoken (macaroon, pypi-AgEIcHlwaS5vcmc...)
    ("pypi_token", ["PYPI_TOKEN", "TWINE_PASSWORD"], lambda: "pypi-AgEIcHlwaS5vcmc" + rs(B64U, R.randint(120, 170))),
    # Datadog: https://docs.datadoghq.com/account_management/api-app-keys/
    ("datadog_api_key", ["DD_API_KEY", "DATADOG_API_KEY"], lambda: rs(HEX, 32)),
    ("datadog_app_key", ["DD_APP_KEY", "DATADOG_APP_KEY"], lambda: rs(HEX, 40)),
    # Shopify: https://shopify.dev/docs/apps/auth/access-token-types
    ("shopify_token", ["SHOPIFY_ACCESS_TOKEN"], lambda: R.choice(["shpat_", "shpss_", "shpca_"]) + rs(HEX, 32)),
    # Telegram: https://core.telegram.org/bots/api#authorizing-your-bot
    ("telegram_bot_token", ["TELEGRAM_BOT_TOKEN", "TG_TOKEN"], lambda: f"{R.randint(10**8, 10**10 - 1)}:AA{rs(B64U, 33)}"),
    # Discord: https://discord.com/developers/docs/reference#authentication
    ("discord_bot_token", ["DISCORD_TOKEN", "DISCORD_BOT_TOKEN"],
     lambda: base64.b64encode(str(R.randint(10**17, 10**18 - 1)).encode()).decode().rstrip("=") + "." + rs(B64U, 6) + "." + rs(B64U, 38)),
    # HashiCorp Vault: https://developer.hashicorp.com/vault/docs/concepts/tokens#token-prefixes
    ("vault_token", ["VAULT_TOKEN"], lambda: "hvs." + rs(AN + "_-", 90)),
    # DigitalOcean: https://docs.digitalocean.com/reference/api/create-personal-access-token/
    ("digitalocean_token", ["DIGITALOCEAN_TOKEN", "DO_TOKEN"], lambda: "dop_v1_" + rs(HEX, 64)),
    # Postman: https://learning.postman.com/docs/developer/postman-api/authentication/
    ("postman_api_key", ["POSTMAN_API_KEY"], lambda: f"PMAK-{rs(HEX, 24)}-{rs(HEX, 34)}"),
    # Linear: https://developers.linear.app/docs/graphql/working-with-the-graphql-api
    ("linear_api_key", ["LINEAR_API_KEY"], lambda: "lin_api_" + rs(AN, 40)),
    # Groq: https://console.groq.com/docs/quickstart (gsk_ + 52)
    ("groq_api_key", ["GROQ_API_KEY"], lambda: "gsk_" + rs(AN, 52)),
    # Replicate: https://replicate.com/docs/reference/http#authentication (r8_ + 37)
    ("replicate_token", ["REPLICATE_API_TOKEN"], lambda: "r8_" + rs(AN, 37)),
    # Atlassian: https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/
    ("atlassian_api_token", ["JIRA_API_TOKEN", "CONFLUENCE_TOKEN"], lambda: "ATATT3xFfGF0" + rs(B64U, 171) + "=" + rs(HEX.upper(), 8)),
    # Sentry: https://docs.sentry.io/account/auth-tokens/
    ("sentry_token", ["SENTRY_AUTH_TOKEN"], lambda: "sntrys_" + b64url_json({"iat": R.randint(1.7e9, 1.75e9), "url": "https://sentry.io", "org": "acme"}) + "_" + rs(B64U, 43)),
    # Notion: https://developers.notion.com/docs/authorization (ntn_ / secret_)
    ("notion_token", ["NOTION_TOKEN", "NOTION_API_KEY"], lambda: R.choice(["ntn_" + rs(DI, 11) + rs(AN, 35), "secret_" + rs(AN, 43)])),
    # no vendor prefix: generic high-entropy value under a key-like name
    ("generic_api_key", ["ACME_API_KEY", "PARTNER_SECRET", "INTERNAL_AUTH_TOKEN", "PAYMENT_GATEWAY_KEY", "X_API_SECRET"],
     lambda: rs(AN, R.choice([32, 40, 48]))),
]


def pem_block(label, nbytes, prefix=b""):
    body = "\n".join(b64lines(nbytes, 64, prefix))
    return f"-----BEGIN {label}-----\n{body}\n-----END {label}-----"


def gen_password():
    return R.choice([
        lambda: R.choice(["Winter", "Summer", "Spring", "Autumn", "Bailey", "Falcon", "Orange", "Monkey"]) + str(R.randint(2019, 2026)) + R.choice("!#$@"),
        lambda: rs(AN + "!@#$%^&*", R.randint(12, 20)),
        lambda: R.choice(["Tr0ub4dor", "Correct", "Blue", "Purple", "Kiwi"]) + R.choice(["&", "_", "-", "."]) + rs(AN, 4) + str(R.randint(10, 99)),
        lambda: rs(LO, 5) + R.choice(["-", "."]) + rs(LO, 6) + R.choice(["-", "."]) + rs(DI, 3) + R.choice("!?%"),
    ])()


def jwt():
    hdr = {"alg": R.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    if hdr["alg"] != "HS256":
        hdr["kid"] = rs(AN, 16)
    now = R.randint(1_700_000_000, 1_760_000_000)
    pl = {"sub": str(uuid.UUID(int=R.getrandbits(128), version=4)), "iat": now, "exp": now + 3600,
          "iss": R.choice(["https://auth.acme.io/", "https://login.example-idp.com", "api"]),
          "scope": R.choice(["read write", "admin", "orders:read"])}
    sig = rs(B64U, 43 if hdr["alg"] == "HS256" else (86 if hdr["alg"] == "ES256" else 342))
    return f"{b64url_json(hdr)}.{b64url_json(pl)}.{sig}"


# special secret templates: return (text, [values], type)
def s_aws():
    kid = "AKIA" + rs(UP + "234567", 16)
    sec = rs(AN + "/+", 40)
    t = pk([
        lambda: f"[default]\naws_access_key_id = {kid}\naws_secret_access_key = {sec}\nregion = us-east-1",
        lambda: f"AWS_ACCESS_KEY_ID={kid}\nAWS_SECRET_ACCESS_KEY={sec}\nAWS_DEFAULT_REGION=eu-west-1",
        lambda: f"s3 = boto3.client('s3', aws_access_key_id='{kid}', aws_secret_access_key='{sec}')",
        lambda: f"{R.choice(NAMES)}: here are the deploy user keys\naccess key: {kid}\nsecret: {sec}",
        lambda: f"ERROR botocore.exceptions.ClientError: SignatureDoesNotMatch\n  credentials: AccessKeyId={kid} SecretAccessKey={sec}",
        lambda: f"aws:\n  access_key_id: {kid}\n  secret_access_key: \"{sec}\"\n  region: {R.choice(['us-east-1', 'eu-west-2'])}",
        lambda: f"Hi {R.choice(NAMES)},\n\nThe IAM user for the vendor is ready.\nAccess key ID: {kid}\nSecret access key: {sec}\n\nPlease store them in 1Password.",
        lambda: f"const s3 = new S3Client({{ credentials: {{ accessKeyId: '{kid}', secretAccessKey: '{sec}' }} }});",
        lambda: f"docker run -e AWS_ACCESS_KEY_ID={kid} -e AWS_SECRET_ACCESS_KEY={sec} amazon/aws-cli s3 ls",
        lambda: f"$ aws configure\nAWS Access Key ID [None]: {kid}\nAWS Secret Access Key [None]: {sec}\nDefault region name [None]: us-west-2",
    ])()
    return t, [kid, sec], "aws_access_key"


def s_gcp_sa():
    key = pem_block("PRIVATE KEY", 1190, b"\x30\x82\x04\xa4\x02\x01\x00").replace("\n", "\\n") + "\\n"
    proj = R.choice(["acme-prod", "data-pipeline-381", "ml-sandbox-22"])
    obj = ('{\n  "type": "service_account",\n  "project_id": "%s",\n  "private_key_id": "%s",\n  "private_key": "%s",\n'
           '  "client_email": "%s@%s.iam.gserviceaccount.com",\n  "client_id": "%s",\n  "token_uri": "https://oauth2.googleapis.com/token"\n}'
           % (proj, rs(HEX, 40), key, R.choice(["deployer", "bq-reader", "ci"]), proj, rs(DI, 21)))
    pre = R.choice(["", "here's the service account file, can you tell me why auth fails?\n\n", "cat sa.json\n"])
    return pre + obj, [key], "gcp_service_account"


def s_azure():
    acct = R.choice(["acmeprodstore", "logsarchive01", "mediauploads", "backupsweu", "tfstate4821"])
    key = base64.b64encode(bytes(R.getrandbits(8) for _ in range(64))).decode()
    cs = f"DefaultEndpointsProtocol=https;AccountName={acct};AccountKey={key};EndpointSuffix=core.windows.net"
    t = pk([f"AZURE_STORAGE_CONNECTION_STRING=\"{cs}\"",
                  f"\"ConnectionStrings\": {{\n  \"Storage\": \"{cs}\"\n}}",
                  f"var client = new BlobServiceClient(\"{cs}\");",
                  f"az storage blob list --container-name logs --connection-string \"{cs}\"",
                  f"Here's our storage conn string for the migration: {cs}",
                  f"<add name=\"AzureStorage\" connectionString=\"{cs}\" />"])
    return t, [key], "azure_storage_key"


def s_private_key():
    kind = R.choice(["rsa", "openssh", "ec", "pkcs8", "pgp"])
    if kind == "rsa":
        blk = pem_block("RSA PRIVATE KEY", 1190, b"\x30\x82\x04\xa4\x02\x01\x00")
    elif kind == "openssh":
        blk = pem_block("OPENSSH PRIVATE KEY", 380, b"openssh-key-v1\x00\x00\x00\x00\x04none")
        lines = blk.split("\n")
        body = "".join(lines[1:-1])
        body = "\n".join(body[i:i + 70] for i in range(0, len(body), 70))
        blk = f"{lines[0]}\n{body}\n{lines[-1]}"
    elif kind == "ec":
        blk = pem_block("EC PRIVATE KEY", 115, b"\x30\x77\x02\x01\x01\x04\x20")
    elif kind == "pkcs8":
        blk = pem_block("PRIVATE KEY", 1210, b"\x30\x82\x04\xbe\x02\x01\x00\x30\x0d")
    else:
        body = "\n".join(b64lines(900, 64, b"\x95\x03\x98\x04"))
        blk = f"-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{body}\n={rs(B64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----"
    pre = R.choice([f"{R.choice(NAMES)}: here's the deploy key for {R.choice(HOSTS)}\n",
                    f"$ cat ~/.ssh/id_{R.choice(['rsa', 'ed25519', 'deploy', 'github', 'bastion'])}\n",
                    f"Can you convert this key to {R.choice(['PKCS#8', 'PuTTY format', 'a JWK'])} for me?\n\n",
                    f"{R.choice(['key.pem', 'server.key', 'tls.key', 'signing.key'])}:\n",
                    f"Ticket #{R.randint(1000, 99999)}: ssh fails with 'invalid format' using this key\n",
                    f"  ssh_private_key: |\n", f"ssh -i /tmp/{R.choice(['k', 'key', 'deploy'])} {R.choice(USERS)}@{R.choice(HOSTS)} fails, key:\n"])
    post = R.choice(["", "\n", f"\nthanks {R.choice(NAMES)}!", "\n(passphrase is empty)", f"\n$ chmod 600 key && ssh -i key {R.choice(USERS)}@{R.choice(HOSTS)}"])
    return pre + blk + post, [blk], "private_key_" + kind


def s_jwt():
    tok = jwt()
    t = pk([
        f"curl https://api.acme.io/v1/me -H 'Authorization: Bearer {tok}'",
        f"Set-Cookie: session={tok}; Path=/; HttpOnly; Secure",
        f"my access token expired? {tok}",
        f"DEBUG auth.middleware: verifying token={tok} for request {uuid.UUID(int=R.getrandbits(128), version=4)}",
        f"localStorage.setItem('id_token', '{tok}');",
        f"{{\"access_token\": \"{tok}\", \"token_type\": \"Bearer\", \"expires_in\": 3600}}",
        f"can you decode this jwt and tell me what scopes it has? {tok}",
        f"export AUTH_TOKEN={tok}",
        f"requests.get(url, headers={{'Authorization': 'Bearer {tok}'}})",
        f"WARN token rejected (exp in past) jwt={tok} client={R.choice(SERVICES)}",
    ])
    return t, [tok], "jwt"


def s_db_url():
    pw = R.choice([gen_password, lambda: rs(AN, 24)])().replace("@", "#").replace("/", "_").replace(":", "!").replace("?", "!").replace("%", "x")
    u, h = R.choice(USERS), R.choice(HOSTS)
    scheme, port, path = R.choice([("postgres", 5432, "/orders"), ("postgresql", 5432, "/app?sslmode=require"), ("mysql", 3306, "/shop"),
                                   ("mongodb+srv", None, "/prod?retryWrites=true&w=majority"), ("redis", 6379, "/0"),
                                   ("amqp", 5672, "/vhost"), ("mssql", 1433, "/crm")])
    hp = h if port is None else f"{h}:{port}"
    url = f"{scheme}://{u}:{pw}@{hp}{path}"
    t = pk([f"DATABASE_URL={url}", f"spring.datasource.url: {url}", f"engine = create_engine(\"{url}\")",
                  f"psql: error: connection to server failed\n  connection string: {url}",
                  f"{R.choice(NAMES)}: prod db is {url} (read only pls)", f"  db:\n    uri: \"{url}\"",
                  f"sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) could not connect [SQL: None] url={url}"])
    return t, [pw], "db_connection_string"


def s_password():
    pw = gen_password()
    u = R.choice(USERS)
    t = pk([
        f"password: {pw}",
        f"the wifi password is {pw}",
        f"login for the staging admin panel is {u} / {pw}",
        f"DB_PASSWORD={pw}",
        f"pwd={pw}",
        f"Hi {R.choice(NAMES)}, your temporary password is {pw} — please change it at first login.",
        f"mysql -u {u} -p'{pw}' -h {R.choice(HOSTS)}",
        f"spring:\n  datasource:\n    username: {u}\n    password: \"{pw}\"",
        f"{{\"username\": \"{u}\", \"password\": \"{pw}\"}}",
        f"I reset the root pass to {pw}, write it down somewhere",
        f"smtp_user = \"{u}@acme.io\"\nsmtp_pass = \"{pw}\"",
        f"Passwort für den Server: {pw}",
        f"ADMIN_PASS='{pw}'",
        f"credentials -> user: {u}  pass: {pw}",
    ])
    return t, [pw], "password"


def s_k8s_secret():
    pw = gen_password()
    enc = base64.b64encode(pw.encode()).decode()
    other = base64.b64encode(R.choice(USERS).encode()).decode()
    name = R.choice(["db-credentials", "app-secrets", "smtp-auth", "redis-auth", "api-creds"])
    ns = R.choice(["prod", "default", "payments", "staging"])
    t = pk([
        f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: {name}\n  namespace: {ns}\ntype: Opaque\ndata:\n  username: {other}\n  password: {enc}",
        f"$ kubectl get secret {name} -n {ns} -o jsonpath='{{.data.password}}'\n{enc}",
        f'{{"apiVersion": "v1", "kind": "Secret", "metadata": {{"name": "{name}"}}, "data": {{"DB_PASSWORD": "{enc}"}}}}',
        f"$ kubectl get secret {name} -o yaml\napiVersion: v1\ndata:\n  password: {enc}\n  user: {other}\nkind: Secret\nmetadata:\n  creationTimestamp: \"2024-0{R.randint(1, 9)}-11T09:12:44Z\"\n  name: {name}\n  resourceVersion: \"{R.randint(10000, 999999)}\"",
        f"why is my pod crashing? secret is\n\ndata:\n  SMTP_PASS: {enc}\n\nand the deployment mounts it as env",
        f"# values-{ns}.yaml\nsecrets:\n  create: true\n  data:\n    postgres-password: {enc}",
    ])
    return t, [enc], "k8s_secret_base64"


def s_basic_auth():
    u, pw = R.choice(USERS), gen_password()
    if R.random() < .5:
        enc = base64.b64encode(f"{u}:{pw}".encode()).decode()
        return (f"curl -H 'Authorization: Basic {enc}' https://{R.choice(['jenkins', 'nexus', 'grafana'])}.acme.io/api/json", [enc], "basic_auth")
    return (f"curl -u {u}:{pw} https://{R.choice(['registry', 'artifactory', 'es'])}.acme.io/_cluster/health", [pw], "basic_auth")


def s_bearer():
    tok = rs(AN + "-._~", R.choice([40, 48, 64]))
    return (pk([f"curl -H \"Authorization: Bearer {tok}\" https://api.acme.io/v3/orders",
                      f"GET /v1/accounts HTTP/1.1\nHost: api.partner.net\nAuthorization: Bearer {tok}\nAccept: */*",
                      f"headers = {{\"Authorization\": f\"Bearer {tok}\"}}",
                      f"fetch('https://api.{R.choice(['acme', 'vendor'])}.dev/v1/{R.choice(['users', 'projects'])}', {{ headers: {{ Authorization: 'Bearer {tok}' }} }})",
                      f"http --auth-type=bearer --auth {tok} GET https://{R.choice(HOSTS)}/api/health",
                      f"{R.choice(NAMES)}: the service token for the {R.choice(SERVICES)} integration is {tok}"]), [tok], "bearer_token")


def s_twilio_pair():
    sid, tok = "AC" + rs(HEX, 32), rs(HEX, 32)
    return (pk([f"TWILIO_ACCOUNT_SID={sid}\nTWILIO_AUTH_TOKEN={tok}",
                      f"client = Client(\"{sid}\", \"{tok}\")",
                      f"account sid {sid}\nauth token {tok}"]), [tok], "twilio_auth_token")


SPECIAL = [(s_aws, 5), (s_gcp_sa, 2), (s_azure, 2), (s_private_key, 6), (s_jwt, 5), (s_db_url, 6), (s_password, 10),
           (s_k8s_secret, 3), (s_basic_auth, 3), (s_bearer, 2), (s_twilio_pair, 2)]


# ------------------------------------------------------- hard negatives
def n_uuid():
    u = str(uuid.UUID(int=R.getrandbits(128), version=4))
    return R.choice([f"request_id={u} status=200 latency_ms={R.randint(3, 900)}", f"Order {u} was refunded.",
                     f"{{\"id\": \"{u}\", \"type\": \"invoice\", \"amount\": {R.randint(100, 99999)}}}",
                     f"Correlation-Id: {u}", f"tenant_id: {u}\nsubscription_id: {uuid.UUID(int=R.getrandbits(128), version=4)}"]), "uuid"


def n_git_sha():
    s = rs(HEX, 40)
    return R.choice([f"commit {s}\nAuthor: {R.choice(NAMES)} <dev@acme.io>\n\n    fix token refresh race", f"Reverted in {s[:7]} (see {s})",
                     f"uses: actions/checkout@{s}", f"HEAD is now at {s[:12]} bump version", f"git cherry-pick {s}"]), "git_sha"


def n_sha256():
    h = hashlib.sha256(rs(AN, 20).encode()).hexdigest()
    return R.choice([f"{h}  {R.choice(['app-linux-amd64.tar.gz', 'release.zip', 'installer.msi'])}", f"SHA256 checksum: {h}",
                     f"image: nginx@sha256:{h}", f"\"integrity\": \"sha512-{base64.b64encode(hashlib.sha512(h.encode()).digest()).decode()}\"",
                     f"Digest: sha256:{h}\nStatus: Downloaded newer image"]), "hash"


def n_b64_data():
    raw = bytes(R.getrandbits(8) for _ in range(R.randint(60, 180)))
    s = base64.b64encode(b"\x89PNG\r\n\x1a\n" + raw).decode()
    plain = base64.b64encode(R.choice(["hello world, this is a test message", '{"theme":"dark","lang":"en","page":3}',
                                       "Lorem ipsum dolor sit amet, consectetur"]).encode()).decode()
    return R.choice([f"<img src=\"data:image/png;base64,{s}\" alt=\"logo\">", f".icon {{ background: url(data:image/png;base64,{s}); }}",
                     f"$ echo {plain} | base64 -d", f"\"preferences\": \"{plain}\"", f"font: data:font/woff2;base64,{s}"]), "base64_data"


PLACEHOLDERS = ["YOUR_API_KEY", "xxxxxxxxxxxxxxxxxxxxxxxx", "<token>", "${SECRET}", "changeme", "********", "<your-api-key-here>",
                "{{ .Values.apiKey }}", "${{ secrets.NPM_TOKEN }}", "sk_live_XXXXXXXXXXXXXXXXXXXXXXXX", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "os.environ[\"OPENAI_API_KEY\"]", "process.env.STRIPE_SECRET_KEY", "$(cat /run/secrets/db_password)", "REPLACE_ME",
                "your-secret-here", "<PASSWORD>", "%DB_PASSWORD%", "$DATABASE_PASSWORD", "[REDACTED]", "sk-...", "AKIAXXXXXXXXXXXXXXXX",
                "your_password", "None", "\"\"", "{{ vault_db_password }}", "<insert token>", "TODO", "dummy", "***"]


def n_placeholder():
    p = pk(PLACEHOLDERS)
    n = R.choice(["API_KEY", "SECRET_KEY", "password", "token", "DB_PASSWORD", "auth_token", "STRIPE_KEY", "GITHUB_TOKEN"])
    return R.choice([f"{n}={p}", f"export {n}={p}", f"  {n.lower()}: {p}", f"\"{n.lower()}\": \"{p}\"",
                     f"Set {n} to {p} in your .env before running `npm start`.", f"client = Client(api_key={p})",
                     f"curl -H \"Authorization: Bearer {p}\" https://api.example.com/v1/me",
                     f"postgres://app:{p}@localhost:5432/app"]), "placeholder"


def n_example_key():
    return pk([
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "In the AWS docs the example access key is AKIAIOSFODNN7EXAMPLE — use your own.",
        "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY  # example from the docs",
        "# Example (not a real key):\nexport OPENAI_API_KEY=sk-EXAMPLEexampleEXAMPLEexample1234",
        "token: ghp_EXAMPLE0000000000000000000000000000  # example value",
        "The sample JWT from jwt.io: eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "e.g. STRIPE_SECRET_KEY=sk_test_EXAMPLEKEY1234567890abcd",
        "arn:aws:iam::123456789012:user/example with key AKIAI44QH8DHBEXAMPLE",
        "aws_secret_access_key: je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
        "# sample credentials from the tutorial, replace before use\nclient_secret = \"example-client-secret-1234\"",
        "For example: `Authorization: Bearer abc123exampletoken` (replace with your own)",
        "docs/config.md: `SLACK_BOT_TOKEN=xoxb-your-token-here`",
        "Example: `hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` — generate yours in Settings > Access Tokens",
        "AWS example from the IAM guide: AKIAIOSFODNN7EXAMPLE / wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    ]), "example_key"


def n_public_key():
    k = R.choice(["rsa", "ed25519", "pem", "cert", "pgp"])
    if k == "rsa":
        body = base64.b64encode(b"\x00\x00\x00\x07ssh-rsa\x00\x00\x00\x03\x01\x00\x01\x00\x00\x01\x01" + bytes(R.getrandbits(8) for _ in range(257))).decode()
        return f"ssh-rsa {body} {R.choice(NAMES).lower()}@laptop", "public_key"
    if k == "ed25519":
        body = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + bytes(R.getrandbits(8) for _ in range(32))).decode()
        return R.choice([f"ssh-ed25519 {body} deploy@ci", f"Add this to authorized_keys:\nssh-ed25519 {body}"]), "public_key"
    if k == "pem":
        return pem_block("PUBLIC KEY", 294, b"\x30\x82\x01\x22\x30\x0d"), "public_key"
    if k == "cert":
        return "ca.crt:\n" + pem_block("CERTIFICATE", 700, b"\x30\x82\x02\xb8\x30\x82"), "certificate"
    body = "\n".join(b64lines(400, 64, b"\x99\x01\x0d\x04"))
    return f"-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n{body}\n={rs(B64, 4)}\n-----END PGP PUBLIC KEY BLOCK-----", "public_key"


def n_ids():
    return pk([
        f"Your order ORD-{R.randint(2020, 2026)}-{rs(DI, 6)} has shipped. Tracking: 1Z{rs(UP + DI, 16)}",
        f"version: {R.randint(0, 9)}.{R.randint(0, 40)}.{R.randint(0, 99)}-rc.{R.randint(1, 5)}+build.{rs(HEX, 7)}",
        f"Invoice INV-{rs(UP, 3)}{rs(DI, 8)} due {R.randint(1, 28)}/0{R.randint(1, 9)}",
        f"https://youtu.be/{rs(B64U, 11)}?t={R.randint(1, 900)}",
        f"traceparent: 00-{rs(HEX, 32)}-{rs(HEX, 16)}-01",
        f"<script src=\"/static/js/main.{rs(HEX, 8)}.chunk.js\"></script>",
        f"container {R.choice(['brave', 'eager', 'quirky'])}_{R.choice(['turing', 'hopper', 'lovelace'])} ({rs(HEX, 12)}) exited with code 1",
        f"model: claude-3-5-sonnet-{R.randint(2023, 2025)}{R.randint(10, 12)}{R.randint(10, 28)}",
        f"Booking reference: {rs(UP + DI, 6)}, seat {R.randint(1, 40)}{R.choice('ABCDEF')}",
        f"ETag: \"{rs(HEX, 32)}\"",
        f"stripe publishable key (safe for the browser): pk_live_{rs(AN, 24)}",
        f"Short link: https://bit.ly/{rs(AN, 7)}",
        f"x-amz-request-id: {rs(UP + DI, 16)}\nx-amz-id-2: {rs(B64, 76)}",
        f"ERROR [{rs(HEX, 8)}] job {rs(DI, 10)} failed after {R.randint(1, 9)} retries",
    ]), "identifier"


def n_policy():
    return pk([
        "Passwords must be at least 12 characters long and contain an uppercase letter, a digit and a symbol.",
        "Reminder: never paste your password or API key into Slack. Use the vault instead.",
        "The password field is required. Please enter a password between 8 and 64 characters.",
        f"Password reset link sent to {R.choice(NAMES).lower()}@example.com. It expires in 30 minutes.",
        "Error: password authentication failed for user \"app\"",
        "Our token bucket limiter refills 10 tokens per second per API key.",
        "Rotate API keys every 90 days; the secret key is shown only once at creation.",
        "ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL;",
        "The primary key of the orders table is a composite key (tenant_id, order_id).",
        "Tokenization splits the text into subword tokens before the embedding layer.",
        "If you forgot your password, click 'Forgot password?' on the login page.",
        "def check_password(user, password):\n    return bcrypt.checkpw(password.encode(), user.password_hash)",
        "password = getpass.getpass('Password: ')",
        "const token = req.headers.authorization?.split(' ')[1];",
        "Set the API key via the ANTHROPIC_API_KEY environment variable; never hard-code it.",
        "Keyboard shortcut: press Ctrl+K to open the command palette.",
        "The secret to good sourdough is a long, cold fermentation.",
        "passwordless login via magic link is enabled for this workspace",
        "if not api_key:\n    raise ValueError('missing API key')",
        "Your session token has expired, please sign in again.",
        "The key takeaway from the meeting: ship the token refresh fix by Friday.",
        "Please rotate the Stripe secret key before the audit; the old one is still active.",
        "I lost my GitHub personal access token, how do I create a new one?",
        "Use a password manager; a strong password has at least 16 random characters.",
        "JWT tokens consist of a header, a payload and a signature separated by dots.",
        "kubectl create secret generic db-creds --from-literal=password=\"$DB_PASSWORD\"",
        "The API returned 401: invalid_api_key. Check that the key has not been revoked.",
        "Do not commit .env files; add them to .gitignore and use the secret store.",
    ]), "prose"


def n_masked():
    return pk([
        f"Using API key sk-...{rs(AN, 4)} (last 4 chars shown)",
        f"AWS_ACCESS_KEY_ID=AKIA****************",
        f"2024-05-02 12:00:01 INFO env STRIPE_SECRET_KEY=*** DB_PASSWORD=***",
        f"token: ghp_****{rs(AN, 4)}",
        f"password: {'•' * R.randint(8, 14)}",
        f"Authorization: Bearer [REDACTED]",
        f"Key ending in …{rs(HEX, 4)} was revoked on 2024-03-0{R.randint(1, 9)}.",
        "DB_PASSWORD=<hidden>",
        f"secret: '*****' (masked by CI, run #{R.randint(100, 9999)})",
        f"api_key = \"{rs(AN, 3)}{'*' * 20}\"",
    ]), "masked"


def n_db_nopass():
    h = R.choice(HOSTS)
    return R.choice([f"DATABASE_URL=postgres://{R.choice(USERS)}@{h}:5432/app", f"mongodb://{h}:27017/test",
                     f"redis://{h}:6379/0", f"jdbc:postgresql://{h}:5432/orders?user=app&password=${{DB_PASSWORD}}",
                     f"postgresql://{R.choice(USERS)}:${{PGPASSWORD}}@{h}/db"]), "db_url_no_password"


NEG = [(n_uuid, 8), (n_git_sha, 8), (n_sha256, 9), (n_b64_data, 8), (n_placeholder, 16), (n_example_key, 6), (n_public_key, 7),
       (n_ids, 14), (n_policy, 11), (n_masked, 4), (n_db_nopass, 4)]


# ------------------------------------------------------------- assembly
def mk_row(split, i, text, label, typ, values):
    ents = []
    for v in values:
        s = text.find(v)
        assert s >= 0, (typ, v, text)
        ents.append({"type": typ, "start": s, "end": s + len(v), "value": v})
        assert text[s:s + len(v)] == v
    return {"id": f"gen-{split}-{i:03d}", "text": text, "label": label, "type": typ, "entities": ents, "spans_known": True,
            "source": {"repo": "parapet/general-handwritten"}}


def masked(row):
    t = row["text"]
    for e in row["entities"]:
        t = t.replace(e["value"], "§")
    return t


def too_close(t, others, lim):
    for o in others:
        if abs(len(o) - len(t)) < 0.3 * max(len(o), len(t)) and difflib.SequenceMatcher(None, t, o).ratio() > lim:
            return True
    return False


def build(split, seed, dev_masked=None):
    global SPLIT
    SPLIT = split
    R.seed(seed)
    rows, seen = [], []

    def add(make):
        for _ in range(200):
            text, label, typ, vals = make()
            r = mk_row(split, len(rows), text, label, typ, vals)
            m = masked(r)
            if too_close(m, seen, 0.95) or (dev_masked and too_close(m, dev_masked, 0.85)):
                continue
            rows.append(r)
            seen.append(m)
            return
        raise SystemExit(f"could not place a {split} row: {typ} {text[:80]!r}")

    # simple kinds: 2 rows each, wrappers split per kind between dev and holdout
    for k, (typ, names, gen) in enumerate(SIMPLE):
        order = list(WRAPPERS)
        random.Random(1000 + k).shuffle(order)
        mine = order[0::2] if split == "dev" else order[1::2]
        for _ in range(2 if typ != "generic_api_key" else 4):
            def make():
                v = gen()
                w = R.choice(mine)
                return w(R.choice(names), v, typ.replace("_", " ")), "secret", typ, [v]
            add(make)
    for fn, n in SPECIAL:
        for _ in range(n):
            def make():
                t, vals, typ = fn()
                return t, "secret", typ, vals
            add(make)
    for fn, n in NEG:
        for _ in range(n):
            def make():
                t, typ = fn()
                return t, "not_secret", typ, []
            add(make)
    return rows


def main():
    dev = build("dev", 20240611)
    hold = build("holdout", 99173, dev_masked=[masked(r) for r in dev])
    for name, rows in (("dev.jsonl", dev), ("holdout.jsonl", hold)):
        with open(name, "w") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        sec = sum(r["label"] == "secret" for r in rows)
        print(name, len(rows), "rows,", sec, "secret,", len(rows) - sec, "not_secret")


if __name__ == "__main__":
    main()
