#!/usr/bin/env python3
"""Generate the general8 blind hold-out set for the secrets detector.

Flavour: what people paste into an AI assistant when asking for help --
error messages and stack traces, "why does this command fail" questions,
source code, configuration files, colleagues' chat and e-mail, onboarding
runbooks, call transcripts, OCR of screenshots, URLs, device notes and
family messages -- with and without credentials in them.

Python 3 standard library only.  Deterministic: template t draws from
random.Random(SEED + t); the row order comes from random.Random(SEED).

    python3 gen.py            write holdout.jsonl and validate it
    python3 gen.py --check    rebuild and compare byte for byte
    python3 gen.py --stats    print counts

Each template returns (text, secrets) where secrets is a list of
(entity_type, value) or (entity_type, value, "glued").  Every occurrence of
each value in the text is marked.  "glued" allows the value to touch an
ASCII word character on the left (mysql -pSECRET, /botTOKEN/).
"""
import base64
import collections
import json
import os
import random
import string
import sys
import uuid

SEED = "parapet/general8/holdout/v1"
REPO = "handwritten/general8"
ID_PREFIX = "sg8-"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "ru": "Russian", "uk": "Ukrainian", "zh": "Chinese", "ja": "Japanese",
    "ko": "Korean", "tr": "Turkish", "cs": "Czech", "vi": "Vietnamese",
}
GROUPS = collections.OrderedDict([
    ("error", "error messages and stack traces"),
    ("cli", "'why does this command fail' with the command line"),
    ("code", "source code with the client set up inline"),
    ("config", "configuration files: INI, TOML, HCL, XML, JSON5, .properties, .env, YAML"),
    ("chat", "chat messages and e-mails between colleagues"),
    ("runbook", "onboarding documents and runbooks in prose"),
    ("transcript", "call and meeting transcripts, passwords read aloud or spelled"),
    ("ocr", "screenshots and photos transcribed by OCR"),
    ("url", "credentials in URLs: query tokens, signed URLs, webhooks"),
    ("device", "Wi-Fi, camera, NAS, router and IoT device notes"),
    ("family", "personal accounts in family messages"),
])

# Published documentation examples: must never be marked as secrets.
DOC_EXAMPLES = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
}

# ----------------------------------------------------------------- values
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
LET = string.ascii_letters
AL = LET + DG
HEX = "0123456789abcdef"
B64 = AL + "+/"
B64U = AL + "-_"
B32 = UP + "234567"
SYM = "!#%*+-=?@^_."
SAFE = "-_.~"


def rs(r, n, alpha=AL):
    return "".join(r.choice(alpha) for _ in range(n))


def hexs(r, n):
    return rs(r, n, HEX)


def uid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def ip_private(r):
    return "10.%d.%d.%d" % (r.randint(0, 40), r.randint(0, 255), r.randint(2, 250))


# -- human passwords --------------------------------------------------------
WORDS = {
    "en": ["lantern", "harbor", "copper", "meadow", "falcon", "pepper", "granite",
           "violet", "thunder", "maple", "orbit", "walrus", "cobalt", "saffron",
           "juniper", "pebble", "canyon", "velvet", "ember", "tundra", "otter",
           "biscuit", "marble", "kestrel", "willow", "rocket", "glacier"],
    "de": ["Sonnenblume", "Eichhorn", "Wanderweg", "Kuckuck", "Brezel", "Nordsee",
           "Apfelbaum", "Zugspitze", "Holunder", "Regenbogen", "Maulwurf"],
    "fr": ["Hirondelle", "Papillon", "Citronnier", "Marmotte", "Lavande",
           "Framboise", "Tournesol", "Chouette", "Mirabelle"],
    "es": ["Mariposa", "Girasol", "Tortuga", "Limonero", "Alcachofa",
           "Golondrina", "Pimiento", "Aceituna"],
    "pt": ["Girassol", "Jabuticaba", "Saudade", "Pitanga", "Cajueiro",
           "Maracuja", "Sabiazinho"],
    "it": ["Tulipano", "Girandola", "Pistacchio", "Rondine", "Carciofo",
           "Lucciola", "Gelsomino"],
    "nl": ["Zeilboot", "Tulpenveld", "Stroopwafel", "Molenwiek", "Kikkerland",
           "Duinpan"],
    "pl": ["Wiewiorka", "Bursztyn", "Jarzebina", "Bocian", "Kasztan", "Pierniczek"],
    "ru": ["Sirenevyi", "Berezka", "Matreshka", "Pelmeni", "Zvezdochka"],
    "uk": ["Kalyna", "Soniashnyk", "Varenyky", "Karpaty", "Leleka"],
    "tr": ["Kiraz", "Lokum", "Simit", "Papatya", "Gelincik", "Karadut"],
    "cs": ["Vlastovka", "Knedlik", "Sumava", "Pampeliska", "Krtecek"],
    "vi": ["Hoasen", "Phobo", "Halong", "Sencha", "Mangcau"],
    "ko": ["Haneul", "Saranghae", "Kimchi", "Hangang", "Nabi"],
    "ja": ["Sakura", "Tanuki", "Fujiyama", "Hotaru", "Momiji"],
    "zh": ["Xiongmao", "Longjing", "Huanghe", "Mudan", "Jiaozi"],
}
NONASCII = ["Müllerstraße", "Größenwahn", "Żółwik", "Źdźbło", "Çiçekli", "Ñandú",
            "Coração", "Forêt", "Ёжик", "Їжачок", "Škoda", "Dễthương", "Øresund",
            "Łódka", "Café", "Ärmel", "Peñasco", "Grünkohl", "Dlouhá"]
WALKS = ["1qaz2wsx", "1qaz@WSX", "zaq1xsw2", "qwerty", "asdfgh", "Qwer1234",
         "!QAZ2wsx", "1q2w3e4r", "zxcvbnm", "qweasdzxc", "poiuytrewq", "q1w2e3r4t5",
         "Zaq12wsx", "asdf;lkj", "1234qwer", "mnbvcxz", "3edc4rfv"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def pick_sym(r, sym):
    return r.choice(sym) if sym else ""


def pw_word(r, lang="en", sym=SYM):
    w = r.choice(WORDS[lang])
    w = w[0].upper() + w[1:]
    d = r.choice([str(r.randint(10, 99)), str(r.randint(1970, 2025)), str(r.randint(100, 9999))])
    s = pick_sym(r, sym)
    pre = s if s and s not in "-=.+^" else ""
    return r.choice([w + d + s, w + s + d, pre + w + d, w.lower() + d + s])


def pw_two(r, lang="en", sym=SYM):
    a, b = r.sample(WORDS[lang], 2)
    sep = pick_sym(r, sym) if sym else ""
    a = a[0].upper() + a[1:]
    b = b[0].upper() + b[1:]
    return a + sep + b + str(r.randint(1, 99))


def pw_phrase(r, lang="en", sep="-", n=None):
    n = n or r.choice([3, 4])
    ws = [w.lower() for w in r.sample(WORDS[lang], n)]
    return sep.join(ws) + sep + str(r.randint(1, 9))


def pw_random(r, n=None, sym=SYM):
    n = n or r.randint(12, 20)
    alpha = AL + (sym or "")
    while True:
        s = rs(r, n, alpha)
        ok = (any(c in UP for c in s) and any(c in LO for c in s)
              and any(c in DG for c in s) and (not sym or any(c in sym for c in s)))
        if ok and s[0] not in "-.=" and s[-1] not in "-.=":
            return s


def pw_walk(r, sym=SYM):
    w = r.choice(WALKS)
    if not sym:
        w = "".join(c for c in w if c.isalnum())
    else:
        w = "".join(c for c in w if c.isalnum() or c in sym)
    tail = r.choice([str(r.randint(1, 99)), pick_sym(r, sym) + str(r.randint(1, 9)), pick_sym(r, sym) * 2])
    head = r.choice(["", w[0].upper()]) if w[0].isalpha() else ""
    return (head + w[1:] if head else w) + tail


def pw_leet(r, lang="en", sym=SYM):
    w = r.choice(WORDS[lang]).lower()
    out = []
    for i, c in enumerate(w):
        if c in LEET and r.random() < 0.7:
            out.append(LEET[c])
        elif i == 0:
            out.append(c.upper())
        else:
            out.append(c)
    return "".join(out) + pick_sym(r, sym) + str(r.randint(1, 999))


def pw_nonascii(r, sym=SYM):
    w = r.choice(NONASCII)
    return r.choice([w + str(r.randint(10, 99)) + pick_sym(r, sym),
                     pick_sym(r, sym) + w + str(r.randint(1990, 2025)),
                     w + pick_sym(r, sym) + w[:2].lower() + str(r.randint(1, 9))])


def pw_any(r, lang="en", sym=SYM):
    f = r.choice(["word", "two", "phrase", "random", "walk", "leet", "nonascii"])
    if f == "word":
        return pw_word(r, lang, sym)
    if f == "two":
        return pw_two(r, lang, sym)
    if f == "phrase":
        return pw_phrase(r, lang, sep=r.choice(["-", "."]) if sym else "")
    if f == "random":
        return pw_random(r, sym=sym)
    if f == "walk":
        return pw_walk(r, sym)
    if f == "leet":
        return pw_leet(r, lang, sym)
    return pw_nonascii(r, sym)


def pin(r, n=4):
    while True:
        p = "".join(r.choice(DG) for _ in range(n))
        if len(set(p)) >= 3 and p not in "0123456789" and p not in "9876543210":
            return p


# -- vendor credentials (documented public shapes; random, none real) --------
def openai_proj(r):
    return "sk-proj-" + rs(r, 74, B64U) + "T3BlbkFJ" + rs(r, 74, B64U)


def openai_svcacct(r):
    return "sk-svcacct-" + rs(r, 74, B64U) + "T3BlbkFJ" + rs(r, 74, B64U)


def openai_legacy(r):
    return "sk-" + rs(r, 20) + "T3BlbkFJ" + rs(r, 20)


def anthropic_key(r):
    return "sk-ant-api03-" + rs(r, 93, B64U) + "AA"


def google_key(r):
    return "AIzaSy" + rs(r, 33, B64U)


def mistral_key(r):
    return rs(r, 32)


def groq_key(r):
    return "gsk_" + rs(r, 52)


def deepseek_key(r):
    return "sk-" + hexs(r, 32)


def hf_token(r):
    return "hf_" + rs(r, 34, LET)


def cohere_key(r):
    return rs(r, 40)


def openrouter_key(r):
    return "sk-or-v1-" + hexs(r, 64)


def xai_key(r):
    return "xai-" + rs(r, 80)


def replicate_token(r):
    return "r8_" + rs(r, 37)


def aws_key_id(r, prefix="AKIA"):
    return prefix + rs(r, 16, B32)


def aws_secret(r):
    return rs(r, 40, B64)


def ghp(r):
    return "ghp_" + rs(r, 36)


def github_fine(r):
    return "github_pat_11" + rs(r, 20, UP + DG) + "_" + rs(r, 59)


def glpat(r):
    return "glpat-" + rs(r, 20, B64U)


def glptt(r):
    return "glptt-" + hexs(r, 40)


def slack_bot(r):
    return "xoxb-%d-%d-%s" % (r.randint(10 ** 10, 10 ** 12), r.randint(10 ** 12, 10 ** 13), rs(r, 24))


def slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (rs(r, 8, UP + DG), rs(r, 10, UP + DG), rs(r, 24))


def discord_webhook(r):
    return "https://discord.com/api/webhooks/%d/%s" % (r.randint(10 ** 17, 10 ** 19), rs(r, 68, B64U))


def discord_bot(r):
    first = base64.b64encode(str(r.randint(10 ** 17, 10 ** 19)).encode()).decode().rstrip("=")
    return first + "." + rs(r, 6, B64U) + "." + rs(r, 38, B64U)


def teams_webhook(r, tenant):
    return "https://%s.webhook.office.com/webhookb2/%s@%s/IncomingWebhook/%s/%s" % (
        tenant, uid(r), uid(r), hexs(r, 32), uid(r))


def telegram_token(r):
    return "%d:AA%s" % (r.randint(10 ** 9, 8 * 10 ** 9), rs(r, 33, B64U))


def stripe_sk(r):
    return "sk_live_51" + rs(r, 97)


def stripe_rk(r):
    return "rk_live_51" + rs(r, 97)


def stripe_whsec(r):
    return "whsec_" + rs(r, 32)


def twilio_sid(r):
    return "AC" + hexs(r, 32)


def sendgrid_key(r):
    return "SG." + rs(r, 22, B64U) + "." + rs(r, 43, B64U)


def mailgun_key(r):
    return hexs(r, 32) + "-" + hexs(r, 8) + "-" + hexs(r, 8)


def azure_key88(r):
    return rs(r, 86, B64) + "=="


def azure_client_secret(r):
    return rs(r, 3) + "8Q~" + rs(r, 34, AL + "_.~-")


def azure_devops_pat(r):
    return rs(r, 52, "abcdefghijklmnopqrstuvwxyz234567")


def cloudflare_token(r):
    return rs(r, 40, B64U)


def atlassian_token(r):
    return "ATATT3xFfGF0" + rs(r, 171, B64U) + "=" + rs(r, 8, "0123456789ABCDEF")


def notion_token(r):
    return "ntn_" + rs(r, 11, DG) + rs(r, 35)


def linear_key(r):
    return "lin_api_" + rs(r, 40)


def tailscale_key(r):
    return "tskey-auth-k" + rs(r, 11) + "CNTRL-" + rs(r, 33)


def grafana_sa(r):
    return "glsa_" + rs(r, 32) + "_" + hexs(r, 8)


def artifactory_key(r):
    return "AKCp" + rs(r, 69)


def vault_token(r):
    return "hvs.CAESI" + rs(r, 86, B64U)


def tfc_token(r):
    return rs(r, 14) + ".atlasv1." + rs(r, 67)


def docker_pat(r):
    return "dckr_pat_" + rs(r, 27, B64U)


def npm_token(r):
    return "npm_" + rs(r, 36)


def pypi_token(r):
    return "pypi-AgEIcHlwaS5vcmc" + rs(r, 150, B64U)


def alibaba_id(r):
    return "LTAI5t" + rs(r, 18)


def sentry_user_token(r):
    return "sntryu_" + hexs(r, 64)


def facebook_token(r):
    return "EAAG" + rs(r, 180)


def jwt(r, header, payload, sig_len=342):
    return (b64url(json.dumps(header, separators=(",", ":")).encode()) + "." +
            b64url(json.dumps(payload, separators=(",", ":")).encode()) + "." +
            rs(r, sig_len, B64U))


def pem_block(r, label, nlines, first=""):
    body = first + rs(r, 64 * nlines - len(first) - r.randint(5, 40), B64)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (label, "\n".join(lines), label)


def ssh_ed25519_pub(r):
    return "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI" + rs(r, 43, B64)


def sha256(r):
    return hexs(r, 64)


# ----------------------------------------------------------------- registry
TEMPLATES = []


def T(group, lang, label, rtype):
    assert group in GROUPS and lang in LANGS and label in ("secret", "not_secret")

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": label, "type": rtype, "fn": fn})
        return fn
    return deco



# =================================================================== error
@T("error", "en", "secret", "password")
def err_sqlalchemy_dsn(r):
    pw = pw_any(r, "en", SAFE)
    host = "orders-db.%s.eu-west-1.rds.amazonaws.com" % rs(r, 12, LO + DG)
    return f"""\
My FastAPI app dies on startup and I can't figure out why, the DB is up and I can reach it from my laptop. Full traceback:

Traceback (most recent call last):
  File "/srv/app/main.py", line 14, in <module>
    engine = create_engine("postgresql+psycopg2://orders_app:{pw}@{host}:5432/orders", pool_pre_ping=True)
  File "/srv/app/.venv/lib/python3.11/site-packages/sqlalchemy/engine/base.py", line 3285, in connect
    return self._connection_cls(self)
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "{host}" (172.31.{r.randint(0,255)}.{r.randint(2,250)}), port 5432 failed: timeout expired

Is it the security group or something in my code?""", [("password", pw)]


@T("error", "en", "secret", "password")
def err_jdbc_mysql(r):
    pw = pw_word(r, "de", SAFE)
    return f"""\
Since we moved our Spring Boot service to the new server it won't start. The log says access denied but the user and password are the same as before?

2024-03-{r.randint(10,28)} 07:41:{r.randint(10,59)}.118 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.
java.sql.SQLException: Access denied for user 'lager'@'{ip_private(r)}' (using password: YES)
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)
	at com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:828)
Caused by: jdbc:mysql://mysql-lager.intern:3306/lagerverwaltung?user=lager&password={pw}&useSSL=false&serverTimezone=Europe/Berlin

Do I have to allow something on the MySQL side because the IP changed?""", [("password", pw)]


@T("error", "es", "secret", "password")
def err_node_mongo(r):
    pw = pw_any(r, "es", SAFE)
    cl = rs(r, 5, LO + DG)
    return f"""\
Me sale este error al arrancar la API en Render, en local funciona perfecto. ¿Qué estoy haciendo mal?

[nodemon] starting `node server.js`
Conectando a mongodb+srv://tienda_admin:{pw}@cluster0.{cl}.mongodb.net/tienda?retryWrites=true&w=majority ...
MongoServerSelectionError: connection <monitor> to 34.{r.randint(10,250)}.{r.randint(0,255)}.{r.randint(1,250)}:27017 closed
    at Timeout._onTimeout (/opt/render/project/src/node_modules/mongodb/lib/sdam/topology.js:278:38)
    at listOnTimeout (node:internal/timers:573:17) {{
  reason: TopologyDescription {{ type: 'ReplicaSetNoPrimary', setName: 'atlas-{cl}-shard-0' }},
  code: undefined
}}

Ya puse 0.0.0.0/0 en la lista de IPs de Atlas.""", [("password", pw)]


@T("error", "fr", "secret", "openai_api_key")
def err_openai_traceback(r):
    key = openai_proj(r)
    return f"""\
Bonjour, mon script qui résume des PDF plante au bout de quelques fichiers. Voici la trace complète :

Traceback (most recent call last):
  File "C:\\Users\\mlefebvre\\projets\\resume_pdf\\resume.py", line 9, in <module>
    client = OpenAI(api_key="{key}")
  File "C:\\Users\\mlefebvre\\projets\\resume_pdf\\resume.py", line 31, in resumer
    reponse = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
openai.RateLimitError: Error code: 429 - {{'error': {{'message': 'You exceeded your current quota, please check your plan and billing details.', 'type': 'insufficient_quota', 'code': 'insufficient_quota'}}}}

Est-ce qu'il faut juste ajouter un time.sleep ou c'est autre chose ?""", [("openai_api_key", key)]


@T("error", "en", "secret", "xai_api_key")
def err_ruby_xai(r):
    key = xai_key(r)
    return f"""\
Getting a 400 from the Grok API in my Rails job and the body is empty. I turned on Net::HTTP debug output, here's what it prints:

opening connection to api.x.ai:443...
opened
starting SSL for api.x.ai:443...
SSL established, protocol: TLSv1.3, cipher: TLS_AES_128_GCM_SHA256
<- "POST /v1/chat/completions HTTP/1.1\\r\\nContent-Type: application/json\\r\\nAuthorization: Bearer {key}\\r\\nAccept: */*\\r\\nUser-Agent: Ruby\\r\\nHost: api.x.ai\\r\\nContent-Length: 0\\r\\n\\r\\n"
-> "HTTP/1.1 400 Bad Request\\r\\n"
-> "content-length: 0\\r\\n"

Content-Length 0 looks suspicious, is my body not being set?""", [("xai_api_key", key)]


@T("error", "en", "secret", "stripe_secret_key")
def err_go_panic_stripe(r):
    key = stripe_sk(r)
    return f"""\
our billing worker crashed overnight, this is the tail of the pod log. why would the header map be nil here?

time=2024-05-0{r.randint(1,9)}T02:13:{r.randint(10,59)}Z level=DEBUG msg="outgoing request" method=POST url=https://api.stripe.com/v1/invoices headers="map[Authorization:[Bearer {key}] Content-Type:[application/x-www-form-urlencoded] Idempotency-Key:[{uid(r)}] Stripe-Version:[2024-04-10]]"
panic: assignment to entry in nil map

goroutine 41 [running]:
github.com/acme/billing/internal/stripeclient.(*Client).do(0xc0001a6000, 0xc00041e000)
	/src/internal/stripeclient/client.go:88 +0x2a5
github.com/acme/billing/internal/worker.(*InvoiceJob).Run(0xc000212480)
	/src/internal/worker/invoice.go:57 +0x1c9
exit status 2""", [("stripe_secret_key", key)]


@T("error", "ja", "secret", "anthropic_api_key")
def err_httpx_anthropic(r):
    key = anthropic_key(r)
    return f"""\
httpx のデバッグログを有効にしたら以下が出ました。529 overloaded が何度も返ってきてリトライが止まりません。リトライ設定の書き方が間違っているのでしょうか？

DEBUG:httpx:load_ssl_context verify=True cert=None
DEBUG:httpcore.http11:send_request_headers.started request=<Request [b'POST']>
DEBUG:anthropic._base_client:Request options: {{'method': 'post', 'url': '/v1/messages', 'headers': {{'x-api-key': '{key}', 'anthropic-version': '2023-06-01'}}, 'max_retries': 10}}
DEBUG:httpcore.http11:receive_response_headers.complete return_value=(b'HTTP/1.1', 529, b'', [...])
INFO:anthropic._base_client:Retrying request to /v1/messages in 0.8 seconds

max_retries=10 にしているのが原因ですか？""", [("anthropic_api_key", key)]


@T("error", "ru", "secret", "slack_bot_token")
def err_k8s_describe_slack(r):
    tok = slack_bot(r)
    return f"""\
Под с ботом уведомлений постоянно уходит в CrashLoopBackOff. Вот вывод kubectl describe, подскажите, куда смотреть:

Name:         notify-bot-7c9d{rs(r,6,LO+DG)}-{rs(r,5,LO+DG)}
Namespace:    alerts
Containers:
  bot:
    Image:          registry.local/notify-bot:1.8.2
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
    Environment:
      SLACK_BOT_TOKEN:   {tok}
      SLACK_CHANNEL:     #prod-alerts
      LOG_LEVEL:         debug
Events:
  Warning  BackOff  2m (x41 over 12m)  kubelet  Back-off restarting failed container bot

В логах контейнера только «invalid_auth». Токен же правильный?""", [("slack_bot_token", tok)]


@T("error", "pt", "secret", "password")
def err_dotnet_sqlexception(r):
    pw = pw_any(r, "pt", "!#%*+-?@^_.")
    return f"""\
Alguém sabe por que o EF Core não conecta? Aparece isso no console do Azure App Service:

Unhandled exception. Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 40 - Could not open a connection to SQL Server)
   at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection)
   at Financeiro.Api.Program.<Main>$(String[] args) in /src/Financeiro.Api/Program.cs:line 22
ConnectionString: Server=tcp:sql-financeiro-prd.database.windows.net,1433;Initial Catalog=financeiro;User Id=app_financeiro;Password={pw};Encrypt=True;TrustServerCertificate=False;Connection Timeout=30;

O firewall do servidor SQL já permite serviços do Azure.""", [("password", pw)]


@T("error", "it", "secret", "password")
def err_celery_amqp(r):
    pw = pw_any(r, "it", SAFE)
    return f"""\
Ciao, il worker Celery non riesce a collegarsi a RabbitMQ dopo l'aggiornamento alla 3.13. Questo è l'output:

[2024-02-{r.randint(10,28)} 09:12:{r.randint(10,59)},442: ERROR/MainProcess] consumer: Cannot connect to amqp://fatture:{pw}@rabbit.interno:5672/fatturazione: [Errno 111] Connection refused.
Trying again in 8.00 seconds... (4/100)

[2024-02-{r.randint(10,28)} 09:12:{r.randint(10,59)},455: ERROR/MainProcess] consumer: Cannot connect to amqp://fatture:**@rabbit.interno:5672/fatturazione: [Errno 111] Connection refused.

Strano che nella prima riga la password si veda e nelle altre no. Comunque: perché "connection refused" se il container rabbit è in esecuzione?""", [("password", pw)]


@T("error", "pl", "secret", "github_pat")
def err_gradle_gpr(r):
    tok = ghp(r)
    return f"""\
Gradle nie może pobrać naszej wewnętrznej biblioteki z GitHub Packages. Wkleiłem log i gradle.properties, co jest nie tak?

> Could not resolve all files for configuration ':app:debugRuntimeClasspath'.
   > Could not resolve pl.firma:wspolne-ui:2.4.0.
      > Could not GET 'https://maven.pkg.github.com/firma-pl/wspolne-ui/pl/firma/wspolne-ui/2.4.0/wspolne-ui-2.4.0.pom'. Received status code 401 from server: Unauthorized

# ~/.gradle/gradle.properties
org.gradle.jvmargs=-Xmx4g
gpr.user=tkowalski-firma
gpr.key={tok}

Token ma zakres repo, może brakuje read:packages?""", [("github_pat", tok)]


@T("error", "tr", "secret", "password")
def err_php_pdo(r):
    pw = pw_any(r, "tr", "!#%*+-?@^_.")
    return f"""\
Merhaba, siteyi yeni hostinge taşıdıktan sonra beyaz ekran çıkıyor. error_log dosyasında şu var:

PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /home/eticaret/public_html/inc/db.php:7
Stack trace:
#0 /home/eticaret/public_html/inc/db.php(7): PDO->__construct('mysql:host=127....', 'eticaret_usr', '{pw}', Array)
#1 /home/eticaret/public_html/index.php(3): require_once('/home/eticaret/...')
#2 {{main}}
  thrown in /home/eticaret/public_html/inc/db.php on line 7

host olarak localhost mu yazmam gerekiyor, 127.0.0.1 mi?""", [("password", pw)]


@T("error", "zh", "secret", "huggingface_token")
def err_hf_rich_locals(r):
    tok = hf_token(r)
    return f"""\
下载模型的时候报错了，我用的是 rich 的 traceback（show_locals=True），帮我看看是不是权限问题：

╭──────────────── Traceback (most recent call last) ────────────────╮
│ /home/wang/llm/download.py:12 in <module>                          │
│                                                                    │
│   11 │                                                             │
│ ❱ 12 snapshot_download(repo_id=REPO, token=HF_TOKEN, local_dir=OUT) │
│                                                                    │
│ ╭──────────────────────── locals ─────────────────────────╮        │
│ │ HF_TOKEN = '{tok}'  │        │
│ │      OUT = '/data/models/llama-3-8b-instruct'           │        │
│ │     REPO = 'meta-llama/Meta-Llama-3-8B-Instruct'        │        │
│ ╰─────────────────────────────────────────────────────────╯        │
╰────────────────────────────────────────────────────────────────────╯
GatedRepoError: 403 Client Error. Cannot access gated repo for url https://huggingface.co/api/models/meta-llama/Meta-Llama-3-8B-Instruct/revision/main.

我已经在网页上申请了访问权限，还需要做什么？""", [("huggingface_token", tok)]


@T("error", "en", "secret", "groq_api_key")
def err_groq_debug(r):
    key = groq_key(r)
    return f"""\
Calling Groq through LangChain keeps giving 401. I turned on verbose and this is what I get. The key is brand new from the console, so why?

[llm/start] [1:llm:ChatGroq] Entering LLM run with input: {{"prompts": ["Human: summarize this"]}}
DEBUG:groq._base_client:Request options: {{'method': 'post', 'url': '/openai/v1/chat/completions', 'headers': {{'Authorization': 'Bearer {key}'}}}}
DEBUG:groq._base_client:HTTP Response: POST https://api.groq.com/openai/v1/chat/completions "401 Unauthorized"
groq.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Invalid API Key', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}}}

Could an old key in my environment variables be overriding it?""", [("groq_api_key", key)]


# ---- error: negatives
@T("error", "en", "not_secret", "redacted")
def err_sqlalchemy_masked(r):
    return f"""\
Why does SQLAlchemy say the database doesn't exist? I created it with createdb five minutes ago.

sqlalchemy.exc.OperationalError: (psycopg.OperationalError) connection failed: FATAL:  database "analytics" does not exist
(Background on this error at: https://sqlalche.me/e/20/e3q8)

>>> engine.url
postgresql+psycopg://analytics_rw:***@localhost:5433/analytics

I have two Postgres versions installed via Homebrew if that matters (14 on 5432 and 16 on 5433).""", []


@T("error", "en", "not_secret", "masked_key")
def err_openai_masked(r):
    tail = rs(r, 4)
    return f"""\
OpenAI keeps saying "Incorrect API key provided" even though I generated the key ten minutes ago:

openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: sk-proj-********************************************************************************{tail}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}}}

The last four characters ({tail}) match the key in my .env. Could it be the organization or project setting?""", []


@T("error", "en", "not_secret", "request_id")
def err_aws_expired(r):
    return f"""\
Every morning my first `terraform plan` fails with this and then it works after I re-run aws sso login. Can I make the session last longer?

Error: reading S3 Bucket (acme-tf-state-{r.randint(100000,999999)}): operation error S3: HeadBucket, https response error StatusCode: 400, RequestID: {rs(r,16,UP+DG)}, HostID: {rs(r,76,B64)}=, api error ExpiredToken: The provided token has expired.

Error: retrieving caller identity: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: {uid(r)}, api error ExpiredToken: The security token included in the request is expired""", []


@T("error", "en", "not_secret", "identifier")
def err_jwt_expired_claims(r):
    return f"""\
my express middleware rejects tokens after a few minutes even though exp is one hour out. log below (I decoded the payload, not pasting the token itself):

TokenExpiredError: jwt expired
    at /app/node_modules/jsonwebtoken/verify.js:190:21
  expiredAt: 2024-06-{r.randint(10,28)}T14:{r.randint(10,59)}:07.000Z

decoded payload:
{{
  "sub": "usr_{rs(r,12,LO+DG)}",
  "iss": "https://auth.mitienda.es",
  "aud": "api-pedidos",
  "iat": 1718030400,
  "exp": 1718034000,
  "jti": "{uid(r)}"
}}

server runs in UTC, my laptop is Europe/Madrid. is that it?""", []


@T("error", "en", "not_secret", "secret_reference")
def err_docker_login_stdin(r):
    return f"""\
In our Jenkins pipeline the registry login fails, but the same token works from my workstation:

+ cat /var/jenkins_home/secrets/registry_token | docker login registry.interne.fr -u jenkins-ci --password-stdin
Error response from daemon: Get "https://registry.interne.fr/v2/": unauthorized: authentication required

The registry_token file exists (ls -l shows it, 0600, owned by jenkins). Can a trailing newline in the file break the login?""", []


@T("error", "en", "not_secret", "certificate")
def err_openssl_verify(r):
    fp = ":".join(rs(r, 2, "0123456789ABCDEF") for _ in range(32))
    return f"""\
curl to our internal API fails with a certificate error. Here's what openssl says – is the intermediate missing?

$ openssl s_client -connect api.naibu.example.jp:443 -showcerts </dev/null
depth=0 CN = api.naibu.example.jp
verify error:num=20:unable to get local issuer certificate
verify return:1
---
Certificate chain
 0 s:CN = api.naibu.example.jp
   i:C = JP, O = Example Naibu CA, CN = Example Naibu Issuing CA 2
---
Server certificate
subject=CN = api.naibu.example.jp
SHA256 Fingerprint={fp}
Verify return code: 21 (unable to verify the first certificate)""", []


@T("error", "en", "not_secret", "secret_reference")
def err_npm_e401_envref(r):
    return f"""\
npm install breaks in GitHub Actions with E401 but works locally. Log and the project .npmrc:

npm ERR! code E401
npm ERR! Unable to authenticate, your authentication token seems to be invalid.
npm ERR! To correct this please try logging in again with:
npm ERR!     npm login

# .npmrc
@empresa:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${{NODE_AUTH_TOKEN}}
always-auth=true

In the workflow I pass NODE_AUTH_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}} on the setup-node step. Missing a packages permission?""", []


@T("error", "en", "not_secret", "git_sha")
def err_git_push_rejected(r):
    a, b = hexs(r, 7), hexs(r, 7)
    return f"""\
can't push my branch, what does this mean exactly?

$ git push origin feature/invoice-export
To github.com:bakkerij-online/webshop.git
 ! [rejected]        feature/invoice-export -> feature/invoice-export (non-fast-forward)
error: failed to push some refs to 'github.com:bakkerij-online/webshop.git'
hint: Updates were rejected because the tip of your current branch is behind

$ git log --oneline -3
{a} invoice: add csv export
{b} read VAT rate from config
{hexs(r,7)} Merge pull request #{r.randint(100,400)} from bakkerij-online/fix/login

rebase or merge?""", []


@T("error", "en", "not_secret", "request_id")
def err_vault_denied(r):
    return f"""\
Why does Vault return 403 when the policy seems to allow reading this path?

$ vault kv get -mount=secret platforma/prod/postgres
Error reading secret/data/platforma/prod/postgres: Error making API request.

URL: GET https://vault.platforma.internal:8200/v1/secret/data/platforma/prod/postgres
Code: 403. Errors:

* 1 error occurred:
	* permission denied

request_id: {uid(r)}

Policy:
path "secret/platforma/prod/*" {{
  capabilities = ["read", "list"]
}}""", []


@T("error", "en", "not_secret", "secret_reference")
def err_stripe_no_key(r):
    return f"""\
When I deploy to Vercel the checkout route throws this, locally it's fine. Is the env var just not loaded?

Error: You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').
    at res.toJSON.then.StripeAPIError.message (/var/task/node_modules/stripe/cjs/RequestSender.js:105:31)

// app/api/checkout/route.ts
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, {{ apiVersion: "2024-06-20" }});

I did add STRIPE_SECRET_KEY in the Vercel dashboard for the Preview environment.""", []


@T("error", "en", "not_secret", "secret_reference")
def err_k8s_secret_missing(r):
    return f"""\
Pod won't start, stuck in CreateContainerConfigError. What am I missing?

Events:
  Warning  Failed  12s (x5 over 58s)  kubelet  Error: secret "eshop-db" not found

From the deployment:
        env:
          - name: DB_PASSWORD
            valueFrom:
              secretKeyRef:
                name: eshop-db
                key: password

I created the secret with kubectl create secret generic eshop-db --from-env-file=db.env, maybe in a different namespace?""", []


@T("error", "en", "not_secret", "hash")
def err_pip_hash_mismatch(r):
    want, got = sha256(r), sha256(r)
    return f"""\
pip install -r requirements.txt --require-hashes fails on one package on our build server only. What does this mean?

ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
    urllib3==2.2.1 from https://pypi-mirror.corp.local/packages/py3/u/urllib3/urllib3-2.2.1-py3-none-any.whl:
        Expected sha256 {want}
             Got        {got}

Could our internal mirror be serving a different file?""", []

# ===================================================================== cli
@T("cli", "en", "secret", "password")
def cli_psql_conninfo(r):
    pw = pw_any(r, "en", "!#%*+-?@^_.")
    return f"""\
why does this psql command fail? the server is definitely listening, I can telnet to 5432.

$ psql "host=pg-reporting.internal port=5432 dbname=finance user=report_ro password={pw} sslmode=require"
psql: error: connection to server at "pg-reporting.internal" ({ip_private(r)}), port 5432 failed: FATAL:  no pg_hba.conf entry for host "{ip_private(r)}", user "report_ro", database "finance", SSL encryption

do I need to edit pg_hba.conf on the server or is it my sslmode?""", [("password", pw)]


@T("cli", "en", "secret", "password")
def cli_mysql_inline(r):
    pw = pw_any(r, "de", "!%*+-?@^_.")
    return f"""\
Can someone explain why this import dies halfway? I get the warning, but then nothing useful:

$ mysql -h db-shop.hetzner.intern -u shop -p{pw} shopdb < dump_2024-04-02.sql
mysql: [Warning] Using a password on the command line interface can be insecure.
ERROR 2013 (HY000) at line 3481: Lost connection to MySQL server during query

The dump is about 4 GB. Do I need to raise max_allowed_packet?""", [("password", pw, "glued")]


@T("cli", "en", "secret", "password")
def cli_mongosh_uri(r):
    pw = pw_any(r, "es", SAFE)
    return f"""\
Why does auth fail if the user exists? I created it myself in the admin db.

$ mongosh "mongodb://admin_logistica:{pw}@10.20.{r.randint(0,9)}.{r.randint(2,250)}:27017/envios"
Current Mongosh Log ID: {hexs(r,24)}
Connecting to: mongodb://<credentials>@10.20.x.x:27017/envios?directConnection=true&appName=mongosh+2.2.5
MongoServerError: Authentication failed.

Do I need authSource=admin in the URI?""", [("password", pw)]


@T("cli", "en", "secret", "password")
def cli_redis_cli_a(r):
    pw = pw_random(r, r.randint(16, 24), "")
    return f"""\
Trying to clear the cache in production but redis-cli won't let me. What does this error mean?

$ redis-cli -h cache-prod.ab1cde.ng.0001.sae1.cache.amazonaws.com -p 6379 --tls -a {pw} --no-auth-warning
cache-prod.ab1cde.ng.0001.sae1.cache.amazonaws.com:6379> FLUSHDB
(error) NOPERM User default has no permissions to run the 'flushdb' command

It's ElastiCache with RBAC turned on. Do I need to create another user?""", [("password", pw)]


@T("cli", "en", "secret", "openrouter_api_key")
def cli_curl_openrouter(r):
    key = openrouter_key(r)
    return f"""\
I'm getting 402 from OpenRouter even though I have credits. Here's the exact curl:

curl https://openrouter.ai/api/v1/chat/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer {key}" \\
  -d '{{"model": "anthropic/claude-3.5-sonnet", "max_tokens": 200000, "messages": [{{"role": "user", "content": "hi"}}]}}'

{{"error":{{"message":"This request requires more credits, or fewer max_tokens. You requested up to 200000 tokens, but can only afford 31250.","code":402}}}}

Is max_tokens counted against my balance up front?""", [("openrouter_api_key", key)]


@T("cli", "en", "secret", "mistral_api_key")
def cli_httpie_mistral(r):
    key = mistral_key(r)
    return f"""\
why does the Mistral API give me a 422? using httpie:

$ http POST https://api.mistral.ai/v1/chat/completions \\
    Authorization:"Bearer {key}" \\
    model=mistral-small-latest \\
    messages:='[{{"role": "human", "content": "Bonjour"}}]'

HTTP/1.1 422 Unprocessable Entity
{{"object":"error","message":{{"detail":[{{"type":"literal_error","loc":["body","messages",0,"role"],"msg":"Input should be 'system', 'user', 'assistant' or 'tool'"}}]}}}}

oh… is it "human" instead of "user"?""", [("mistral_api_key", key)]


@T("cli", "en", "secret", "gitlab_pat")
def cli_wget_gitlab(r):
    tok = glpat(r)
    return f"""\
I can't download the latest build artifacts with wget, getting 404 although the job definitely exists. Command:

wget --header="PRIVATE-TOKEN: {tok}" \\
  "https://gitlab.kontora.ru/api/v4/projects/{r.randint(100,900)}/jobs/artifacts/main/download?job=build-release" \\
  -O release.zip

--2024-04-{r.randint(10,28)} 11:02:{r.randint(10,59)}--  https://gitlab.kontora.ru/api/v4/projects/...
HTTP request sent, awaiting response... 404 Not Found
2024-04-{r.randint(10,28)} 11:02:{r.randint(10,59)} ERROR 404: Not Found.

Maybe the branch has to be given as refs/heads/main?""", [("gitlab_pat", tok)]


@T("cli", "en", "secret", "github_pat")
def cli_git_clone_token(r):
    tok = ghp(r)
    return f"""\
Cloning a private repo on the server with a token in the URL fails. The token was generated yesterday:

$ git clone https://x-access-token:{tok}@github.com/shenzhen-iot/gateway-firmware.git
Cloning into 'gateway-firmware'...
remote: Repository not found.
fatal: repository 'https://github.com/shenzhen-iot/gateway-firmware.git/' not found

The repo definitely exists, I can open it in the browser. Does the org have SSO enabled so the token needs to be authorized separately?""", [("github_pat", tok)]


@T("cli", "en", "secret", "docker_hub_pat")
def cli_docker_login_p(r):
    tok = docker_pat(r)
    return f"""\
Why does docker login fail with the access token? With the website password it used to work.

$ docker login -u magazzino-ci -p {tok}
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password

The magazzino-ci user is part of an organization; I created the token under Account Settings > Personal access tokens with Read & Write.""", [("docker_hub_pat", tok)]


@T("cli", "en", "secret", "kubernetes_token")
def cli_kubectl_token(r):
    sa = "deployer"
    tok = jwt(r, {"alg": "RS256", "kid": rs(r, 43, B64U)},
              {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": 1750000000 + r.randint(0, 9999999),
               "iat": 1718000000 + r.randint(0, 999999), "iss": "https://kubernetes.default.svc.cluster.local",
               "kubernetes.io": {"namespace": "ci", "serviceaccount": {"name": sa, "uid": uid(r)}},
               "sub": "system:serviceaccount:ci:" + sa})
    return f"""\
Running kubectl with a service account token gives a permission error. Did I create the rolebinding wrong?

$ kubectl --server=https://10.0.{r.randint(0,9)}.{r.randint(2,250)}:6443 --insecure-skip-tls-verify \\
    --token={tok} \\
    -n production get deployments
Error from server (Forbidden): deployments.apps is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "deployments" in API group "apps" in the namespace "production"

I only created the rolebinding in the ci namespace.""", [("kubernetes_token", tok)]


@T("cli", "en", "secret", "aws_access_key")
def cli_aws_env_inline(r):
    kid, sec = aws_key_id(r), aws_secret(r)
    return f"""\
Why am I getting SignatureDoesNotMatch? I copied the keys straight from the IAM console.

$ AWS_ACCESS_KEY_ID={kid} AWS_SECRET_ACCESS_KEY={sec} aws s3 ls s3://faktury-archiwum-2024 --region eu-central-1

An error occurred (SignatureDoesNotMatch) when calling the ListObjectsV2 operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.

The server clock is synced (timedatectl shows NTP active).""", [("aws_access_key_id", kid), ("aws_secret_access_key", sec)]


@T("cli", "en", "secret", "google_ai_api_key")
def cli_curl_gemini(r):
    key = google_key(r)
    return f"""\
quick one: why does Gemini return 400 "User location is not supported" from our CI runner but not from my machine?

curl -s "https://generativelanguage.googleapis.com/v1beta/models/gemini-1.5-flash:generateContent?key={key}" \\
  -H 'Content-Type: application/json' \\
  -d '{{"contents":[{{"parts":[{{"text":"ping"}}]}}]}}'

{{
  "error": {{
    "code": 400,
    "message": "User location is not supported for the API use.",
    "status": "FAILED_PRECONDITION"
  }}
}}

the runner is a hosted one, no idea which region it's in""", [("google_ai_api_key", key)]


@T("cli", "en", "secret", "azure_client_secret")
def cli_az_login_sp(r):
    sec = azure_client_secret(r)
    return f"""\
Why do I get AADSTS7000215 when I only just created the secret? This is what I run:

$ az login --service-principal \\
    -u {uid(r)} \\
    -p '{sec}' \\
    --tenant {uid(r)}
AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{uid(r)}'.

The portal shows two columns, "Value" and "Secret ID". I think I took the right one.""", [("azure_client_secret", sec)]


@T("cli", "uk", "secret", "password")
def cli_sshpass(r):
    pw = pw_any(r, "uk", "!#%*+-?@^_.")
    return f"""\
Скрипт деплою раптом перестав працювати, хоча пароль ніхто не змінював (принаймні так кажуть):

$ sshpass -p '{pw}' ssh -o StrictHostKeyChecking=no deploy@185.{r.randint(10,250)}.{r.randint(0,255)}.{r.randint(2,250)} 'cd /var/www/shop && git pull'
Permission denied, please try again.

На сервері в /var/log/auth.log:
Failed password for deploy from 91.{r.randint(10,250)}.{r.randint(0,255)}.{r.randint(2,250)} port 51022 ssh2

Може, адмін вимкнув PasswordAuthentication?""", [("password", pw)]


@T("cli", "cs", "secret", "password")
def cli_lftp_user(r):
    pw = pw_any(r, "cs", "!%*+-?@^_.")
    return f"""\
Proč se mi lftp nepřipojí? FileZilla se stejnými údaji funguje.

$ lftp -u webmaster,{pw} sftp://ftp.penzion-sumava.cz -e "mirror -R ./web /www; bye"
mirror: Fatal error: max-retries exceeded
lftp webmaster@ftp.penzion-sumava.cz:~> 

Když dám debug 3, vidím "Host key verification failed". Je to tím?""", [("password", pw)]


@T("cli", "en", "secret", "password")
def cli_rsync_env(r):
    pw = pw_any(r, "tr", "!%*+-?@^_.")
    return f"""\
The backup script fails when cron runs it, but works when I run it by hand. Why?

RSYNC_PASSWORD='{pw}' rsync -avz --delete /var/www/ yedek@nas.ofis.local::web-yedek/
@ERROR: auth failed on module web-yedek
rsync error: error starting client-server protocol (code 5) at main.c(1863) [sender=3.2.7]

crontab line:
30 2 * * * /root/bin/yedekle.sh >> /var/log/yedek.log 2>&1""", [("password", pw)]


@T("cli", "vi", "secret", "password")
def cli_openssl_passout(r):
    pw = pw_any(r, "vi", "!%*+-?@^_.")
    return f"""\
Mình cần tạo file .p12 để import vào Windows nhưng lệnh openssl báo lỗi, không hiểu sai ở đâu:

$ openssl pkcs12 -export -in cert.pem -inkey privkey.pem -certfile chain.pem -out banhang.p12 -passout pass:{pw}
Could not find private key from -inkey file from privkey.pem
80FB{hexs(r,8).upper()}0000:error:1608010C:STORE routines:ossl_store_handle_load_result:unsupported:crypto/store/store_result.c:151:

File privkey.pem mở ra thấy "-----BEGIN ENCRYPTED PRIVATE KEY-----", có phải cần thêm -passin không?""", [("password", pw)]


@T("cli", "en", "secret", "vault_token")
def cli_vault_token_env(r):
    tok = vault_token(r)
    return f"""\
vault kv get works for me but fails for the deploy user with the same token?? copy-pasted from my terminal:

deploy@ci-runner-02:~$ export VAULT_ADDR=https://vault.ops.internal:8200
deploy@ci-runner-02:~$ VAULT_TOKEN={tok} vault kv get secret/payments/prod
Error reading secret/data/payments/prod: Get "https://vault.ops.internal:8200/v1/secret/data/payments/prod": tls: failed to verify certificate: x509: certificate signed by unknown authority

so it's not even getting to auth. where does vault look for the CA?""", [("vault_token", tok)]


@T("cli", "en", "secret", "terraform_cloud_token")
def cli_terraform_tfc_token(r):
    tok = tfc_token(r)
    return f"""\
terraform init fails with 401. I'm passing the token through an env var:

$ TF_TOKEN_app_terraform_io={tok} terraform init

Initializing HCP Terraform...
╷
│ Error: Failed to request discovery document: 401 Unauthorized
│
│ Error: Required token could not be found
│
│ Run the following command to generate a token for app.terraform.io:
│     terraform login
╵

Is it because this is an organization token and not a user token?""", [("terraform_cloud_token", tok)]


@T("cli", "en", "secret", "artifactory_api_key")
def cli_helm_repo_add(r):
    key = artifactory_key(r)
    return f"""\
Adding our Artifactory Helm repo fails. What's wrong with the URL?

$ helm repo add internal https://artifactory.firma.de/artifactory/api/helm/helm-local \\
    --username svc-helm --password {key}
Error: looks like "https://artifactory.firma.de/artifactory/api/helm/helm-local" is not a valid chart repository or cannot be reached: failed to fetch https://artifactory.firma.de/artifactory/api/helm/helm-local/index.yaml : 403 Forbidden

In the browser I get the index.yaml with the same user without any problem.""", [("artifactory_api_key", key)]


@T("cli", "pl", "secret", "password")
def cli_gpg_passphrase(r):
    pw = pw_phrase(r, "pl", sep=" ", n=4)
    return f"""\
Próbuję odszyfrować backup w skrypcie bez interakcji, ale gpg dalej wyświetla okienko pinentry. Co jest nie tak?

$ gpg --batch --passphrase "{pw}" -d backup-{r.randint(2023,2024)}-0{r.randint(1,9)}.tar.gz.gpg > backup.tar.gz
gpg: AES256.CFB encrypted data
gpg: problem with the agent: Inappropriate ioctl for device
gpg: decryption failed: No secret key

Wersja gpg 2.2.40 na Debianie 12.""", [("password", pw)]


@T("cli", "en", "secret", "private_key")
def cli_ssh_invalid_format(r):
    key = pem_block(r, "OPENSSH PRIVATE KEY", 7, "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW")
    return f"""\
The deploy step in our pipeline says the key is in an invalid format. I stored it as a CI variable and write it to a file. This is the debug output (I know, I'll rotate it after):

$ echo "$DEPLOY_KEY" > /tmp/id_ed25519 && chmod 600 /tmp/id_ed25519
$ cat /tmp/id_ed25519
{key}
$ ssh -i /tmp/id_ed25519 deploy@web-01.example.net
Load key "/tmp/id_ed25519": invalid format
deploy@web-01.example.net: Permission denied (publickey).

Is the missing newline at the end the problem?""", [("private_key", key)]


@T("cli", "en", "secret", "gcp_service_account_key")
def cli_gcloud_sa_key(r):
    proj = "inventory-sync-%d" % r.randint(100000, 999999)
    key = pem_block(r, "PRIVATE KEY", 26, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC").replace("\n", "\\n")
    kid = hexs(r, 40)
    return f"""\
gcloud refuses my service account key with "invalid_grant: Invalid JWT Signature". I created the key this morning. Here's what I ran:

$ cat ~/keys/sa-inventory.json
{{
  "type": "service_account",
  "project_id": "{proj}",
  "private_key_id": "{kid}",
  "private_key": "{key}\\n",
  "client_email": "inventory-writer@{proj}.iam.gserviceaccount.com",
  "client_id": "{r.randint(10**20, 10**21)}",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token"
}}
$ gcloud auth activate-service-account --key-file ~/keys/sa-inventory.json
ERROR: (gcloud.auth.activate-service-account) There was a problem refreshing your current auth tokens: ('invalid_grant: Invalid JWT Signature.', {{'error': 'invalid_grant', 'error_description': 'Invalid JWT Signature.'}})

My laptop clock is right. Could the key have been disabled already?""", [("gcp_service_account_key", key)]


# ---- cli: negatives

@T("cli", "de", "not_secret", "secret_reference")
def cli_gcloud_secret_access(r):
    return f"""\
Warum bekomme ich beim Auslesen des Secrets PERMISSION_DENIED, obwohl ich Projektinhaber bin?

$ gcloud secrets versions access latest --secret=shop-db-passwort --project=webshop-prod-{r.randint(1000,9999)}
ERROR: (gcloud.secrets.versions.access) PERMISSION_DENIED: Permission 'secretmanager.versions.access' denied for resource 'projects/webshop-prod/secrets/shop-db-passwort/versions/latest' (or it may not exist).

$ gcloud config list
[core]
account = m.schneider@webshop-gmbh.de
project = webshop-prod

Das Secret wurde von Terraform angelegt. Fehlt mir die Rolle „Secret Manager Secret Accessor“?""", []


@T("cli", "en", "not_secret", "password_prompt")
def cli_psql_prompt(r):
    return f"""\
psql keeps asking for a password even though I set up trust auth for local connections. What am I missing?

$ psql -h localhost -U app -d app_dev -W
Password for user app:
psql: error: connection to server at "localhost" (::1), port 5432 failed: FATAL:  password authentication failed for user "app"

pg_hba.conf:
local   all   all                  trust
host    all   all   127.0.0.1/32   scram-sha-256
host    all   all   ::1/128        scram-sha-256""", []


@T("cli", "fr", "not_secret", "password_prompt")
def cli_mysql_prompt(r):
    return f"""\
Après une réinstallation de MariaDB je ne peux plus me connecter en root, même avec le bon mot de passe :

$ mysql -u root -p
Enter password:
ERROR 1698 (28000): Access denied for user 'root'@'localhost'

Avec sudo mysql ça passe. Est-ce à cause du plugin unix_socket ? Comment revenir à une authentification par mot de passe ?""", []


@T("cli", "en", "not_secret", "secret_reference")
def cli_pgpass_permissions(r):
    return f"""\
pg_dump seems to ignore my .pgpass and asks for the password anyway:

$ PGPASSFILE=/opt/backup/.pgpass pg_dump -h pg01.intern -U backup -Fc kundendb -f kundendb.dump
WARNING: password file "/opt/backup/.pgpass" has group or world access; permissions should be u=rw (0600) or less
Password:

chmod 600 will probably fix it, but the cron job runs as a different user than the file owner. What's the clean way to solve this?""", []


@T("cli", "en", "not_secret", "secret_reference")
def cli_docker_stdin_env(r):
    return f"""\
Docker Hub login works on GitHub-hosted runners but fails on our self-hosted one. The step:

- name: Login
  run: echo "$DOCKERHUB_TOKEN" | docker login -u tiendaonline --password-stdin
  env:
    DOCKERHUB_TOKEN: ${{{{ secrets.DOCKERHUB_TOKEN }}}}

Output:
Error: Cannot perform an interactive login from a non TTY device

Is the variable arriving empty on the self-hosted runner?""", []


@T("cli", "en", "not_secret", "secret_reference")
def cli_curl_single_quotes(r):
    return f"""\
Why does this give me a 401? The variable is set, if I echo it I can see it.

$ export OPENAI_API_KEY=...   # (loaded from my .zshrc)
$ curl https://api.openai.com/v1/models -H 'Authorization: Bearer $OPENAI_API_KEY'
{{
  "error": {{
    "message": "Incorrect API key provided: $OPENAI*****_KEY. You can find your API key at https://platform.openai.com/account/api-keys.",
    "type": "invalid_request_error",
    "code": "invalid_api_key"
  }}
}}

It's the single quotes, right?""", []


@T("cli", "en", "not_secret", "redacted")
def cli_kubectl_config_view(r):
    return f"""\
The new cluster isn't picked up. Here's kubectl config view --minify, looks right to me:

apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: https://k8s-prod.sklad.local:6443
  name: prod
contexts:
- context:
    cluster: prod
    namespace: default
    user: ivanov
  name: prod
current-context: prod
users:
- name: ivanov
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
    token: REDACTED

Error: "the server has asked for the client to provide credentials". What could be wrong?""", []


@T("cli", "en", "not_secret", "identifier")
def cli_aws_sso_config(r):
    acct = "%012d" % r.randint(10 ** 11, 10 ** 12 - 1)
    return f"""\
aws sso login opens the browser, I approve, but then every command errors. My ~/.aws/config:

[profile dev]
sso_session = empresa
sso_account_id = {acct}
sso_role_name = DeveloperPowerUser
region = sa-east-1

[sso-session empresa]
sso_start_url = https://d-{hexs(r,10)}.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

$ aws s3 ls --profile dev
Error loading SSO Token: Token for empresa does not exist""", []


@T("cli", "en", "not_secret", "hash")
def cli_ssh_host_key_changed(r):
    fp = b64url(bytes(r.getrandbits(8) for _ in range(32)))
    return f"""\
I rebuilt the server and now ssh refuses to connect. Is it safe to ignore this?

@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
The fingerprint for the ED25519 key sent by the remote host is
SHA256:{fp}.
Please contact your system administrator.
Offending ED25519 key in /home/tanaka/.ssh/known_hosts:14
Host key verification failed.""", []


@T("cli", "en", "not_secret", "public_key")
def cli_gpg_export_pub(r):
    block = pem_block(r, "PGP PUBLIC KEY BLOCK", 6, "mDMEZ")
    block = block.replace("-----\n", "-----\n\n", 1)
    fpr = rs(r, 40, "0123456789ABCDEF")
    return f"""\
A colleague wants my public key so he can encrypt reports to me. Is this what I send him, and is it safe to send?

$ gpg --list-keys anna.nowak@biuro.pl
pub   ed25519 2024-01-15 [SC] [expires: 2026-01-14]
      {fpr}
uid           [ultimate] Anna Nowak <anna.nowak@biuro.pl>
sub   cv25519 2024-01-15 [E] [expires: 2026-01-14]

$ gpg --armor --export anna.nowak@biuro.pl
{block}""", []


@T("cli", "en", "not_secret", "secret_reference")
def cli_vault_missing_token(r):
    return f"""\
Reading the DB password from vault in CI keeps failing, locally it's fine:

$ vault kv get -field=password secret/ordering/mysql
Error making API request.

URL: GET https://vault.corp.cn:8200/v1/sys/internal/ui/mounts/secret/ordering/mysql
Code: 403. Errors:

* permission denied

In CI, VAULT_TOKEN comes from a JWT login:
export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ordering-ci jwt="$CI_JOB_JWT_V2")

Are the role's bound_claims wrong?""", []


@T("cli", "en", "not_secret", "password_prompt")
def cli_git_https_prompt(r):
    return f"""\
Trying to clone our repo on a new laptop but the password gets rejected:

$ git clone https://github.com/gemeente-x/vergunningen.git
Cloning into 'vergunningen'...
Username for 'https://github.com': j.devries-gemx
Password for 'https://j.devries-gemx@github.com':
remote: Support for password authentication was removed on August 13, 2021.
fatal: Authentication failed for 'https://github.com/gemeente-x/vergunningen.git/'

So what am I supposed to type at Password?""", []


@T("cli", "en", "not_secret", "hash")
def cli_sha256sum_check(r):
    a, b, c = sha256(r), sha256(r), sha256(r)
    return f"""\
Only one of the installer checksums fails. Should I just download it again?

$ cat SHA256SUMS
{a}  node-v20.12.2-linux-x64.tar.xz
{b}  node-v20.12.2-linux-arm64.tar.xz
{c}  node-v20.12.2-darwin-arm64.tar.gz

$ sha256sum -c SHA256SUMS --ignore-missing
node-v20.12.2-linux-x64.tar.xz: FAILED
sha256sum: WARNING: 1 computed checksum did NOT match""", []


@T("cli", "en", "not_secret", "identifier")
def cli_az_account_show(r):
    return f"""\
I think az CLI is creating resources in the wrong subscription. az account show:

{{
  "environmentName": "AzureCloud",
  "homeTenantId": "{uid(r)}",
  "id": "{uid(r)}",
  "isDefault": true,
  "name": "Accounting-Test",
  "state": "Enabled",
  "tenantId": "{uid(r)}",
  "user": {{
    "name": "emre.yilmaz@sirket.com.tr",
    "type": "user"
  }}
}}

Which command makes "Accounting-Prod" the default?""", []


@T("cli", "cs", "not_secret", "placeholder")
def cli_httpie_placeholder(r):
    return f"""\
V dokumentaci našeho dodavatele je tento příklad, ale vrací mi 401. Nahradil jsem jen URL:

http GET https://api.dodavatel.cz/v2/objednavky \\
    "Authorization:Bearer <váš_přístupový_token>" \\
    stav==nova

HTTP/1.1 401 Unauthorized
{{"chyba": "neplatny_token"}}

Kde ten token vlastně získám? V administraci vidím jen "Klientské ID" a tlačítko "Vygenerovat tajný klíč".""", []


@T("cli", "en", "not_secret", "version_string")
def cli_terraform_version_mismatch(r):
    ver = "1.8.%d" % r.randint(0, 5)
    return f"""\
After a colleague upgraded terraform everything broke for me. What does this mean and how do I fix it without upgrading?

$ terraform plan
╷
│ Error: Unsupported Terraform Core version
│
│   on versions.tf line 2, in terraform:
│    2:   required_version = "~> 1.5.0"
│
│ This configuration does not support Terraform version {ver}.
╵

$ terraform version
Terraform v{ver}
on linux_amd64
+ provider registry.terraform.io/hashicorp/aws v5.{r.randint(40,60)}.0
+ provider registry.terraform.io/hashicorp/random v3.6.{r.randint(0,3)}""", []


@T("cli", "vi", "not_secret", "secret_reference")
def cli_sftp_keyfile_perms(r):
    return f"""\
Mình dùng key để sftp lên server của khách hàng nhưng bị từ chối, lỗi như sau:

$ sftp -i ~/.ssh/khachhang_ed25519 -P 2222 upload@sftp.khachhang.vn
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
Permissions 0644 for '/home/minh/.ssh/khachhang_ed25519' are too open.
This private key will be ignored.
Load key "/home/minh/.ssh/khachhang_ed25519": bad permissions
upload@sftp.khachhang.vn: Permission denied (publickey).

Chỉ cần chmod 600 là xong phải không?""", []

# ==================================================================== code
@T("code", "en", "secret", "anthropic_api_key")
def code_py_anthropic_stream(r):
    key = anthropic_key(r)
    return f"""\
How do I get the streamed text out of this? It prints event objects instead of the words.

import anthropic

client = anthropic.Anthropic(api_key="{key}")

with client.messages.stream(
    model="claude-3-5-sonnet-20241022",
    max_tokens=1024,
    messages=[{{"role": "user", "content": "Write a haiku about Mondays"}}],
) as stream:
    for event in stream:
        print(event)""", [("anthropic_api_key", key)]


@T("code", "en", "secret", "openai_api_key")
def code_ts_openai_route(r):
    key = openai_svcacct(r)
    return f"""\
My Next.js route only returns "[object Object]" when streaming. What am I doing wrong?

// app/api/chat/route.ts
import OpenAI from "openai";

const openai = new OpenAI({{
  apiKey: "{key}",
  organization: "org-{rs(r,24)}",
}});

export async function POST(req: Request) {{
  const {{ messages }} = await req.json();
  const stream = await openai.chat.completions.create({{ model: "gpt-4o", messages, stream: true }});
  return new Response(stream as any);
}}""", [("openai_api_key", key)]


@T("code", "en", "secret", "password")
def code_go_redis_options(r):
    pw = pw_any(r, "es")
    return f"""\
This Go code hangs on Ping and never returns an error. Am I missing a timeout?

package cache

import (
	"context"

	"github.com/redis/go-redis/v9"
)

func New() *redis.Client {{
	rdb := redis.NewClient(&redis.Options{{
		Addr:     "redis-sessions.internal:6380",
		Username: "api",
		Password: "{pw}",
		DB:       2,
	}})
	if err := rdb.Ping(context.Background()).Err(); err != nil {{
		panic(err)
	}}
	return rdb
}}""", [("password", pw)]


@T("code", "en", "secret", "password")
def code_java_javamail(r):
    pw = pw_any(r, "fr", "!#%*+-?@^_.")
    return f"""\
Sending mail fails with "535 5.7.3 Authentication unsuccessful" since we moved to Office 365. My code:

Properties props = new Properties();
props.put("mail.smtp.host", "smtp.office365.com");
props.put("mail.smtp.port", "587");
props.put("mail.smtp.auth", "true");
props.put("mail.smtp.starttls.enable", "true");

Session session = Session.getInstance(props, new Authenticator() {{
    @Override
    protected PasswordAuthentication getPasswordAuthentication() {{
        return new PasswordAuthentication("notifications@cabinet-durand.fr", "{pw}");
    }}
}});

Did Microsoft turn off basic auth for SMTP?""", [("password", pw)]


@T("code", "en", "secret", "azure_cosmos_key")
def code_cs_cosmos(r):
    key = azure_key88(r)
    return f"""\
Why does CosmosClient take almost 10 seconds on the first call? After that it's fast.

using Microsoft.Azure.Cosmos;

var client = new CosmosClient(
    "https://pedidos-br.documents.azure.com:443/",
    "{key}",
    new CosmosClientOptions {{ ApplicationRegion = Regions.BrazilSouth }});

var container = client.GetContainer("store", "orders");
var item = await container.ReadItemAsync<Order>(id, new PartitionKey(customerId));

Is that "warm-up" normal?""", [("azure_cosmos_key", key)]


@T("code", "it", "secret", "stripe_secret_key")
def code_php_stripe(r):
    key = stripe_sk(r)
    return f"""\
Il webhook di Stripe funziona ma la creazione della sessione di checkout restituisce "No such price". Il codice:

<?php
require 'vendor/autoload.php';

$stripe = new \\Stripe\\StripeClient('{key}');

$session = $stripe->checkout->sessions->create([
    'mode' => 'payment',
    'line_items' => [['price' => 'price_{rs(r,24)}', 'quantity' => 1]],
    'success_url' => 'https://www.agriturismo-leone.it/grazie',
    'cancel_url' => 'https://www.agriturismo-leone.it/carrello',
]);

Il prezzo l'ho creato in modalità test, c'entra qualcosa?""", [("stripe_secret_key", key)]


@T("code", "en", "secret", "twilio_auth_token")
def code_ruby_twilio(r):
    tok = hexs(r, 32)
    return f"""\
Our SMS reminders don't arrive on Belgian numbers. Anything wrong in the code?

require 'twilio-ruby'

client = Twilio::REST::Client.new('{twilio_sid(r)}', '{tok}')

client.messages.create(
  from: '+3197010{r.randint(100000,999999)}',
  to: customer.phone,          # e.g. "0470 12 34 56"
  body: "Reminder: your appointment tomorrow at #{{appointment.time}}"
)

No error, just status "undelivered" in the console.""", [("twilio_auth_token", tok)]


@T("code", "en", "secret", "cohere_api_key")
def code_rust_cohere(r):
    key = cohere_key(r)
    return f"""\
rustc complains about a lifetime in this function and I don't get why. It's a call to the Cohere API:

use reqwest::Client;
use serde_json::json;

pub async fn embed(texts: &[&str]) -> anyhow::Result<serde_json::Value> {{
    let client = Client::new();
    let resp = client
        .post("https://api.cohere.com/v1/embed")
        .bearer_auth("{key}")
        .json(&json!({{ "texts": texts, "model": "embed-multilingual-v3.0", "input_type": "search_document" }}))
        .send()
        .await?;
    Ok(resp.json().await?)
}}

error[E0621]: explicit lifetime required in the type of `texts`""", [("cohere_api_key", key)]


@T("code", "en", "secret", "groq_api_key")
def code_kotlin_okhttp_groq(r):
    key = groq_key(r)
    return f"""\
In my Android app the Groq request dies with SocketTimeoutException on slow connections. How do I raise the timeouts properly?

private val client = OkHttpClient.Builder()
    .addInterceptor {{ chain ->
        val req = chain.request().newBuilder()
            .header("Authorization", "Bearer {key}")
            .header("Content-Type", "application/json")
            .build()
        chain.proceed(req)
    }}
    .build()

fun ask(text: String): Call = client.newCall(
    Request.Builder().url("https://api.groq.com/openai/v1/chat/completions").post(body(text)).build()
)""", [("groq_api_key", key)]


@T("code", "en", "secret", "deepseek_api_key")
def code_swift_deepseek(r):
    key = deepseek_key(r)
    return f"""\
Calling the DeepSeek API from my SwiftUI app, decoding the response fails with keyNotFound. Is my struct wrong?

var request = URLRequest(url: URL(string: "https://api.deepseek.com/chat/completions")!)
request.httpMethod = "POST"
request.setValue("application/json", forHTTPHeaderField: "Content-Type")
request.setValue("Bearer {key}", forHTTPHeaderField: "Authorization")
request.httpBody = try JSONEncoder().encode(ChatRequest(model: "deepseek-chat", messages: msgs))

let (data, _) = try await URLSession.shared.data(for: request)
let res = try JSONDecoder().decode(ChatResponse.self, from: data)

Error: keyNotFound(CodingKeys(stringValue: "finishReason", intValue: nil))""", [("deepseek_api_key", key)]


@T("code", "en", "secret", "sentry_auth_token")
def code_bash_deploy(r):
    tok = sentry_user_token(r)
    return f"""\
Can you tell me why this release script stops right after the sourcemaps upload without printing anything? set -e is on.

#!/usr/bin/env bash
set -euo pipefail

export SENTRY_AUTH_TOKEN={tok}
export SENTRY_ORG=acme-web
export SENTRY_PROJECT=storefront
VERSION=$(git describe --tags)

npx sentry-cli releases new "$VERSION"
npx sentry-cli sourcemaps upload --release "$VERSION" ./dist | tee upload.log | grep -q "Bundled"
npx sentry-cli releases finalize "$VERSION"
echo "released $VERSION\"""", [("sentry_auth_token", tok)]


@T("code", "de", "secret", "password")
def code_ps_pscredential(r):
    pw = pw_any(r, "de", "!#%*+-?@^_.")
    return f"""\
Das PowerShell-Skript für die Nachtsicherung läuft als geplanter Task nicht, manuell schon. Wo liegt der Fehler?

$benutzer = "BUERO\\svc_sicherung"
$kennwort = ConvertTo-SecureString "{pw}" -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($benutzer, $kennwort)

New-PSDrive -Name S -PSProvider FileSystem -Root "\\\\nas01\\sicherung" -Credential $cred -Persist
robocopy D:\\Daten S:\\Daten /MIR /R:2 /W:5 /LOG:C:\\Logs\\robocopy.log

Fehlermeldung im Aufgabenverlauf: "Der Vorgang wurde vom Benutzer abgebrochen (0x41306)".""", [("password", pw)]


@T("code", "en", "secret", "huggingface_token")
def code_py_hf_login(r):
    tok = hf_token(r)
    return f"""\
Fine-tuning in Colab, push_to_hub fails saying I have no write access. Code:

from huggingface_hub import login
login(token="{tok}")

from transformers import TrainingArguments
args = TrainingArguments(
    output_dir="qwen-support-lora",
    push_to_hub=True,
    hub_model_id="xiaoliu/qwen-support-lora",
    per_device_train_batch_size=4,
)

Error: 403 Forbidden: You don't have the rights to create a model under the namespace "xiaoliu".
The token is a read token, is that why?""", [("huggingface_token", tok)]


@T("code", "en", "secret", "discord_bot_token")
def code_js_discord(r):
    tok = discord_bot(r)
    return f"""\
my discord bot shows as online but doesn't react to messages. intents problem?

const {{ Client, GatewayIntentBits }} = require('discord.js');
const client = new Client({{ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages] }});

client.on('messageCreate', (msg) => {{
  if (msg.content === '!hello') msg.reply('hi there!');
}});

client.login('{tok}');""", [("discord_bot_token", tok)]


@T("code", "en", "secret", "google_ai_api_key")
def code_go_genai(r):
    key = google_key(r)
    return f"""\
Sending a request to Gemini from Go I get "context deadline exceeded". The code:

ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
defer cancel()

client, err := genai.NewClient(ctx, option.WithAPIKey("{key}"))
if err != nil {{
	log.Fatal(err)
}}
defer client.Close()

model := client.GenerativeModel("gemini-1.5-pro")
resp, err := model.GenerateContent(ctx, genai.Text("Summarize this invoice: "+text))

Is 5 seconds too short?""", [("google_ai_api_key", key)]


@T("code", "en", "secret", "aws_access_key")
def code_py_boto3(r):
    kid, sec = aws_key_id(r), aws_secret(r)
    return f"""\
Why is this upload so slow for big files? 2 GB takes like 20 minutes from an EC2 in the same region.

import boto3

s3 = boto3.client(
    "s3",
    region_name="us-east-2",
    aws_access_key_id="{kid}",
    aws_secret_access_key="{sec}",
)

with open("/data/exports/events.parquet", "rb") as f:
    s3.put_object(Bucket="analytics-exports", Key="daily/events.parquet", Body=f.read())""", [("aws_access_key_id", kid), ("aws_secret_access_key", sec)]


@T("code", "cs", "secret", "sendgrid_api_key")
def code_cs_sendgrid(r):
    key = sendgrid_key(r)
    return f"""\
E-maily z naší aplikace končí u zákazníků ve spamu. Je něco špatně přímo v kódu?

var client = new SendGridClient("{key}");
var zprava = new SendGridMessage
{{
    From = new EmailAddress("info@pekarna-novak.cz", "Pekárna Novák"),
    Subject = "Potvrzení objednávky č. " + objednavka.Cislo,
    HtmlContent = sablona.Vykresli(objednavka)
}};
zprava.AddTo(new EmailAddress(objednavka.Email));
var odpoved = await client.SendEmailAsync(zprava);

Doménu máme ověřenou, SPF taky.""", [("sendgrid_api_key", key)]


@T("code", "uk", "secret", "signing_secret")
def code_java_jwt_secret(r):
    sec = pw_random(r, 48, "")
    return f"""\
Spring Security не приймає токени, які видає наш же сервіс: "JWT signature does not match locally computed signature". Ось клас:

@Component
public class JwtProvider {{
    private static final String JWT_SECRET = "{sec}";
    private final Key key = Keys.hmacShaKeyFor(JWT_SECRET.getBytes(StandardCharsets.UTF_8));

    public String vydaty(String login) {{
        return Jwts.builder().setSubject(login)
            .setExpiration(new Date(System.currentTimeMillis() + 3_600_000))
            .signWith(key, SignatureAlgorithm.HS256).compact();
    }}
}}

Інший сервіс перевіряє токени тим самим рядком, але з Base64.decode. Це може бути причиною?""", [("signing_secret", sec)]


@T("code", "vi", "secret", "password")
def code_php_mysqli(r):
    pw = pw_any(r, "vi", "!#%*+-?@^_.")
    return f"""\
Trang web bán hàng của mình hiển thị tiếng Việt bị lỗi font (ra dấu ?). Code kết nối như sau:

<?php
$conn = new mysqli("localhost", "shopbanhang", "{pw}", "shop_db");
if ($conn->connect_error) {{
    die("Kết nối thất bại: " . $conn->connect_error);
}}
$kq = $conn->query("SELECT ten_sp, gia FROM san_pham ORDER BY ngay_tao DESC LIMIT 20");

Bảng trong database đang để utf8mb4_unicode_ci rồi.""", [("password", pw)]


@T("code", "en", "secret", "telegram_bot_token")
def code_ts_telegraf(r):
    tok = telegram_token(r)
    return f"""\
my telegram bot stops responding after a while on the VPS and there's no error at all. should I be using a webhook instead of polling?

import {{ Telegraf }} from "telegraf";

const bot = new Telegraf("{tok}");

bot.command("order", async (ctx) => {{
  const status = await lookupOrder(ctx.message.text.split(" ")[1]);
  await ctx.reply(`Your order is: ${{status}}`);
}});

bot.launch();""", [("telegram_bot_token", tok)]


# ---- code: negatives
@T("code", "en", "not_secret", "secret_reference")
def code_py_environ_keyerror(r):
    return f"""\
This works in my terminal but fails when I run it from cron. Why?

import os
from openai import OpenAI

client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])

Traceback (most recent call last):
  File "/home/ubuntu/jobs/nightly_summary.py", line 4, in <module>
    client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
  File "/usr/lib/python3.10/os.py", line 680, in __getitem__
    raise KeyError(key) from None
KeyError: 'OPENAI_API_KEY'

I export it in ~/.bashrc.""", []


@T("code", "es", "not_secret", "placeholder")
def code_ts_placeholder(r):
    return f"""\
Copié este ejemplo del README de la librería y me da "Invalid API key". ¿Qué tengo que poner?

import {{ Mistral }} from "@mistralai/mistralai";

const cliente = new Mistral({{
  apiKey: "pon-aquí-tu-clave-de-api",
}});

const res = await cliente.chat.complete({{
  model: "mistral-large-latest",
  messages: [{{ role: "user", content: "¿Cuál es la capital de Portugal?" }}],
}});""", []


@T("code", "en", "not_secret", "secret_reference")
def code_go_getenv(r):
    return f"""\
Why is cfg.DBPassword empty even though the variable is set in docker-compose?

type Config struct {{
	DBHost     string
	DBUser     string
	DBPassword string
}}

func Load() Config {{
	return Config{{
		DBHost:     os.Getenv("DB_HOST"),
		DBUser:     os.Getenv("DB_USER"),
		DBPassword: os.Getenv("DB_PASSWORT"),
	}}
}}

# docker-compose.yml
    environment:
      DB_HOST: db
      DB_USER: lager
      DB_PASSWORD_FILE: /run/secrets/db_password""", []


@T("code", "en", "not_secret", "secret_reference")
def code_java_value_property(r):
    return f"""\
Spring can't find the property at startup: "Could not resolve placeholder 'bank.api.secret' in value "${{bank.api.secret}}"". The code:

@Service
public class BankClient {{
    @Value("${{bank.api.url}}")
    private String url;

    @Value("${{bank.api.secret}}")
    private String secret;
}}

In application-prod.yml:
bank:
  api:
    url: https://api.banque-partenaire.fr/v3
    secret: ${{BANK_API_SECRET}}

The prod profile is definitely active.""", []


@T("code", "en", "not_secret", "secret_reference")
def code_cs_keyvault(r):
    return f"""\
This works in Visual Studio but on App Service it throws "DefaultAzureCredential failed to retrieve a token". What do I still need to configure?

var client = new SecretClient(
    new Uri("https://kv-finance-prd.vault.azure.net/"),
    new DefaultAzureCredential());

KeyVaultSecret secret = await client.GetSecretAsync("sql-app-password");
builder.Services.AddDbContext<FinanceContext>(o =>
    o.UseSqlServer($"Server=tcp:sql-fin.database.windows.net;Database=fin;User Id=app;Password={{secret.Value}};"));""", []


@T("code", "en", "not_secret", "dummy_value")
def code_php_test_dummy(r):
    return f"""\
This PHPUnit test only fails in CI with "Failed asserting that false is true". What could differ between my laptop and the pipeline?

public function testLoginWithValidCredentials(): void
{{
    $user = UserFactory::new()->create([
        'email' => 'mario.rossi@example.com',
        'password' => Hash::make('password'),
    ]);

    $response = $this->post('/login', [
        'email' => 'mario.rossi@example.com',
        'password' => 'password',
    ]);

    $this->assertTrue(Auth::check());
}}""", []


@T("code", "en", "not_secret", "secret_reference")
def code_rails_credentials(r):
    return f"""\
In production I get "undefined method `[]' for nil" on this line. Works locally. What am I doing wrong?

Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key)
Mollie::Client.configure do |config|
  config.api_key = Rails.application.credentials.mollie[:api_key]
end

We deploy with Kamal and RAILS_MASTER_KEY is in .kamal/secrets as a reference to our 1Password vault.""", []


@T("code", "en", "not_secret", "publishable_key")
def code_swift_stripe_pk(r):
    key = "pk_live_51" + rs(r, 97)
    return f"""\
The iOS app shows the payment sheet but nothing happens after entering a card. I set the publishable key like this – is it fine to keep it in the app code?

import StripePaymentSheet

@main
struct ShopApp: App {{
    init() {{
        StripeAPI.defaultPublishableKey = "{key}"
    }}
    var body: some Scene {{ WindowGroup {{ CartView() }} }}
}}

The secret key only lives on the server, which returns the PaymentIntent's client_secret.""", []


@T("code", "en", "not_secret", "password_hash")
def code_kotlin_bcrypt_test(r):
    h = "$2a$12$" + rs(r, 53, AL + "./")
    return f"""\
My password comparison test always returns false. I took the hash straight from the database:

@Test
fun `password matches hash from db`() {{
    val encoder = BCryptPasswordEncoder(12)
    val hashFromDb = "{h}"
    assertTrue(encoder.matches(enteredPassword, hashFromDb))
}}

enteredPassword is read from a test resource file, and I think there's a newline at the end of the file.""", []


@T("code", "en", "not_secret", "public_client_key")
def code_js_firebase_web(r):
    key = google_key(r)
    return f"""\
Is it really OK to commit the Firebase web config to a public repo? The docs say it's fine but I'm nervous.

const firebaseConfig = {{
  apiKey: "{key}",
  authDomain: "booking-app-{r.randint(1000,9999)}.firebaseapp.com",
  projectId: "booking-app-{r.randint(1000,9999)}",
  storageBucket: "booking-app.appspot.com",
  messagingSenderId: "{r.randint(10**11, 10**12)}",
  appId: "1:{r.randint(10**11, 10**12)}:web:{hexs(r,22)}"
}};

Firestore security rules only allow authenticated users.""", []


@T("code", "ko", "not_secret", "password_prompt")
def code_bash_read_silent(r):
    return f"""\
이 백업 스크립트에서 비밀번호 입력 후 pg_dump가 여전히 비밀번호를 물어봐요. 변수 export를 빼먹은 걸까요?

#!/bin/bash
read -s -p "DB 비밀번호: " PGPASSWORD
echo
pg_dump -h db.naebu.local -U backup -Fc jumun > jumun_$(date +%F).dump""", []


@T("code", "en", "not_secret", "password_prompt")
def code_ps_get_credential(r):
    return f"""\
When this PowerShell line runs on the server no window opens and the script just hangs. Why?

$cred = Get-Credential -UserName "COMPANY\\backup_svc" -Message "Backup account password"
Invoke-Command -ComputerName DC01 -Credential $cred -ScriptBlock {{ wbadmin get versions }}

I start the script from Task Scheduler with "Run whether user is logged on or not".""", []


@T("code", "zh", "not_secret", "identifier")
def code_py_idempotency_uuid(r):
    return f"""\
我用 uuid4 作为支付请求的幂等键，但是日志里发现同一个订单出现了两个不同的键，导致重复扣款。代码和日志如下：

def create_payment(order):
    key = str(uuid.uuid4())
    return client.post("/v1/payments", json=order.to_dict(), headers={{"Idempotency-Key": key}})

[2024-07-{r.randint(10,28)} 10:02:11] order=DD{r.randint(10**9,10**10)} idempotency_key={uid(r)} status=timeout
[2024-07-{r.randint(10,28)} 10:02:14] order=DD{r.randint(10**9,10**10)} idempotency_key={uid(r)} status=succeeded

是不是应该用订单号来生成幂等键？""", []


@T("code", "en", "not_secret", "secret_reference")
def code_swift_keychain(r):
    return f"""\
Reading the token from the Keychain returns errSecItemNotFound (-25300) since the iOS update. Code:

let query: [String: Any] = [
    kSecClass as String: kSecClassGenericPassword,
    kSecAttrService as String: "cz.mojebanka.app",
    kSecAttrAccount as String: "refresh_token",
    kSecReturnData as String: true,
    kSecMatchLimit as String: kSecMatchLimitOne
]
var result: AnyObject?
let status = SecItemCopyMatching(query as CFDictionary, &result)

I save it with kSecAttrAccessibleWhenUnlockedThisDeviceOnly.""", []


@T("code", "en", "not_secret", "public_key")
def code_js_jwks_public(r):
    n = rs(r, 342, B64U)
    return f"""\
jose keeps throwing "no applicable key found in the JSON Web Key Set" when I verify tokens from our auth server. Here's the JWKS it serves and my code:

{{
  "keys": [
    {{
      "kty": "RSA",
      "use": "sig",
      "alg": "RS256",
      "kid": "{hexs(r,16)}",
      "n": "{n}",
      "e": "AQAB"
    }}
  ]
}}

const JWKS = createRemoteJWKSet(new URL("https://auth.acme.dev/.well-known/jwks.json"));
const {{ payload }} = await jwtVerify(token, JWKS, {{ issuer: "https://auth.acme.dev/", algorithms: ["ES256"] }});""", []

# ================================================================== config
@T("config", "en", "secret", "password")
def cfg_mycnf(r):
    pw = pw_any(r, "en", "!%*+-?@^_.")
    return f"""\
mysqldump ignores my option file and still asks for the password. This is ~/.my.cnf on the backup box:

[client]
user=backup
password={pw}
host=mysql-primary.lan

[mysqldump]
single-transaction
quick

The file is owned by root and chmod 644, and the cron job runs as the backup user. Related?""", [("password", pw)]


@T("config", "en", "secret", "pypi_token")
def cfg_pypirc(r):
    tok = pypi_token(r)
    return f"""\
twine upload fails with 403: "Invalid or non-existent authentication information". My ~/.pypirc:

[distutils]
index-servers =
    pypi
    testpypi

[pypi]
username = __token__
password = {tok}

[testpypi]
repository = https://test.pypi.org/legacy/
username = __token__

The token is scoped to the project "zeiterfassung-tools", but pyproject.toml says "zeiterfassung_tools" – does that make a difference?""", [("pypi_token", tok)]


@T("config", "en", "secret", "datadog_api_key")
def cfg_hcl_datadog(r):
    api, app = hexs(r, 32), hexs(r, 40)
    return f"""\
terraform plan fails with "403 Forbidden" on the Datadog provider even though the keys were just created. My config:

terraform {{
  required_providers {{
    datadog = {{
      source  = "DataDog/datadog"
      version = "~> 3.40"
    }}
  }}
}}

provider "datadog" {{
  api_key = "{api}"
  app_key = "{app}"
  api_url = "https://api.datadoghq.com/"
}}

Our org is on the EU site. Related?""", [("datadog_api_key", api), ("datadog_app_key", app)]


@T("config", "en", "secret", "password")
def cfg_maven_settings(r):
    pw = pw_any(r, "es", "!#%*+-?@^_.")
    return f"""\
Maven can't deploy to our Nexus: "status code: 401, reason phrase: Unauthorized". This is my settings.xml, see anything odd?

<settings>
  <servers>
    <server>
      <id>nexus-releases</id>
      <username>deployment</username>
      <password>{pw}</password>
    </server>
  </servers>
</settings>

And in pom.xml the distributionManagement points to <id>nexus-release</id>.""", [("password", pw)]


@T("config", "en", "secret", "gitlab_pat")
def cfg_renovate_json5(r):
    tok = glpat(r)
    return f"""\
Self-hosted Renovate doesn't open any merge requests and the logs only say "No repositories found". Config (JSON5):

// config.json5
{{
  platform: 'gitlab',
  endpoint: 'https://gitlab.ditta.it/api/v4/',
  token: '{tok}',
  autodiscover: true,
  autodiscoverFilter: ['gestionale/*'],
  onboarding: true,
  // TODO: move to CI variable
}}

The token's user is "renovate-bot" and it's Developer in the gestionale group.""", [("gitlab_pat", tok)]


@T("config", "en", "secret", "password")
def cfg_spring_properties(r):
    pw1 = pw_any(r, "pt", "!#%*+-?@^_.")
    pw2 = pw_any(r, "pt", "!#%*+-?@^_.")
    return f"""\
The app starts, but sending e-mail fails with "535 Authentication failed" and sometimes the connection pool runs dry. application.properties:

spring.datasource.url=jdbc:postgresql://pg-vendas:5432/vendas
spring.datasource.username=vendas_app
spring.datasource.password={pw1}
spring.datasource.hikari.maximum-pool-size=5

spring.mail.host=smtp.zoho.com
spring.mail.port=465
spring.mail.username=nao-responda@lojadabia.com.br
spring.mail.password={pw2}
spring.mail.properties.mail.smtp.ssl.enable=true

Is a pool of 5 too small?""", [("password", pw1), ("password", pw2)]


@T("config", "en", "secret", "anthropic_api_key")
def cfg_streamlit_secrets(r):
    key = anthropic_key(r)
    return f"""\
When I deploy to Streamlit Community Cloud, st.secrets["ANTHROPIC_API_KEY"] raises KeyError. My local .streamlit/secrets.toml:

ANTHROPIC_API_KEY = "{key}"

[app]
title = "Internal FAQ bot"
max_tokens = 1024

Do I have to paste the same content into the Secrets settings on the cloud side too?""", [("anthropic_api_key", key)]


@T("config", "en", "secret", "aws_access_key")
def cfg_rclone_conf(r):
    kid, sec = aws_key_id(r), aws_secret(r)
    return f"""\
rclone sync to the Yandex bucket works, but to AWS S3 with the same setup it says "BucketRegionError". Config:

[aws-archive]
type = s3
provider = AWS
access_key_id = {kid}
secret_access_key = {sec}
region = eu-central-1
storage_class = GLACIER_IR

[yandex]
type = s3
provider = Other
env_auth = true
endpoint = storage.yandexcloud.net

The bucket was created in eu-north-1, if that matters.""", [("aws_access_key_id", kid), ("aws_secret_access_key", sec)]


@T("config", "nl", "secret", "azure_devops_pat")
def cfg_nuget_config(r):
    pat = azure_devops_pat(r)
    return f"""\
dotnet restore geeft NU1301 "Unable to load the service index" voor onze eigen feed. Dit is de NuGet.Config in de repo:

<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
    <add key="intern" value="https://pkgs.dev.azure.com/gemeentedienst/_packaging/intern/nuget/v3/index.json" />
  </packageSources>
  <packageSourceCredentials>
    <intern>
      <add key="Username" value="build" />
      <add key="ClearTextPassword" value="{pat}" />
    </intern>
  </packageSourceCredentials>
</configuration>

Is de PAT misschien verlopen?""", [("azure_devops_pat", pat)]


@T("config", "en", "secret", "github_pat")
def cfg_hcl_github_provider(r):
    tok = github_fine(r)
    return f"""\
Terraform can't create a repo in our org: "403 Resource not accessible by personal access token". Config:

provider "github" {{
  owner = "agencja-kreatywna"
  token = "{tok}"
}}

resource "github_repository" "client_site" {{
  name       = "client-site-2024"
  visibility = "private"
}}

Fine-grained token with Administration: Read and write. What else is missing?""", [("github_pat", tok)]


@T("config", "uk", "secret", "telegram_bot_token")
def cfg_dotenv_telegram(r):
    tok = telegram_token(r)
    return f"""\
python-dotenv не підхоплює змінні, коли запускаю бота через systemd. Ось .env і юніт:

# .env
TELEGRAM_BOT_TOKEN={tok}
ADMIN_CHAT_ID=-100{r.randint(10**9, 10**10)}
DB_PATH=/var/lib/zamovlennia/bot.sqlite

# /etc/systemd/system/bot.service
[Service]
WorkingDirectory=/opt/zamovlennia
ExecStart=/opt/zamovlennia/venv/bin/python bot.py
User=bot

load_dotenv() викликаю без аргументів.""", [("telegram_bot_token", tok)]


@T("config", "en", "secret", "password")
def cfg_compose_postgres(r):
    pw = pw_any(r, "zh", "!%*+-?@^_.")
    return f"""\
After docker compose up the backend can't reach the database: password authentication failed. My docker-compose.yml:

services:
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: erp
      POSTGRES_PASSWORD: "{pw}"
      POSTGRES_DB: erp
    volumes:
      - pgdata:/var/lib/postgresql/data
  api:
    build: .
    environment:
      DATABASE_URL: postgres://erp:${{POSTGRES_PASSWORD}}@db:5432/erp
    depends_on: [db]
volumes:
  pgdata:

I started it once before with a different password – is the old one still stored in the volume?""", [("password", pw)]


@T("config", "en", "secret", "npm_token")
def cfg_npmrc_token(r):
    tok = npm_token(r)
    return f"""\
npm publish says "You must sign in to publish packages". The .npmrc in the project root:

registry=https://registry.npmjs.org/
//registry.npmjs.org/:_authToken={tok}
@hangang-ui:registry=https://registry.npmjs.org/
access=public

package.json name is "@hangang-ui/buttons" and I did create the org. It's a granular access token.""", [("npm_token", tok)]


# ---- config: negatives
@T("config", "de", "not_secret", "placeholder")
def cfg_ini_placeholder_de(r):
    return f"""\
Unser Ansible-Template erzeugt diese odbc.ini, aber isql meldet „Data source name not found“. Was fehlt?

[Warenwirtschaft]
Driver      = ODBC Driver 18 for SQL Server
Server      = tcp:sql-wawi.intern,1433
Database    = WaWi
UID         = wawi_lesen
PWD         = <HIER_PASSWORT_EINTRAGEN>
TrustServerCertificate = yes

Das Passwort setzen wir erst beim Rollout per Vault-Lookup ein, deshalb der Platzhalter.""", []


@T("config", "en", "not_secret", "secret_reference")
def cfg_toml_env_interp(r):
    return f"""\
My Rust tool reads this config.toml, but the key stays literally "${{env:MISTRAL_API_KEY}}". Does the toml crate do interpolation at all?

[llm]
provider = "mistral"
model = "mistral-large-latest"
api_key = "${{env:MISTRAL_API_KEY}}"
temperature = 0.2

[logging]
level = "info\"""", []


@T("config", "en", "not_secret", "secret_reference")
def cfg_hcl_sensitive_var(r):
    return f"""\
Terraform shows the password as "(sensitive value)" in the plan so I can't check it's the right one. Any way to see it?

variable "db_password" {{
  type      = string
  sensitive = true
}}

resource "aws_db_instance" "main" {{
  identifier        = "shop-prod"
  engine            = "postgres"
  username          = "shop_admin"
  password          = var.db_password
  instance_class    = "db.t4g.medium"
  allocated_storage = 50
}}

The variable comes in as TF_VAR_db_password from the pipeline.""", []


@T("config", "en", "not_secret", "encrypted_blob")
def cfg_maven_encrypted(r):
    blob = "{" + rs(r, 43, B64) + "=}"
    return f"""\
I encrypted the password with mvn --encrypt-password like the guide says, but now deploy gives 401. settings.xml:

<server>
  <id>artifactory-releases</id>
  <username>build.bot</username>
  <password>{blob}</password>
</server>

The settings-security.xml with the master password is in ~/.m2 on my PC, but the build runs on the Jenkins agent.""", []


@T("config", "en", "not_secret", "publishable_key")
def cfg_json5_public_keys(r):
    mapbox = "pk.eyJ1Ijoi" + rs(r, 50, B64U) + "." + rs(r, 22, B64U)
    return f"""\
The map doesn't load in the production app, just a grey background. Our front-end config.json5:

{{
  // public front-end keys (shipped in the bundle)
  map: {{
    style: 'mapbox://styles/mapbox/streets-v12',
    publicToken: '{mapbox}',
  }},
  search: {{
    appId: '{rs(r,10,UP+DG)}',
    searchOnlyKey: '{hexs(r,32)}', // search-only, restricted to the "listings" index
  }},
}}

The Mapbox token has a URL restriction for https://www.imobiliariasol.com.br.""", []


@T("config", "en", "not_secret", "encrypted_blob")
def cfg_jasypt_enc(r):
    return f"""\
After upgrading to Spring Boot 3, jasypt can't decrypt the password anymore: "Failed to bind properties under 'spring.datasource.password'". application.properties:

spring.datasource.url=jdbc:mariadb://db-planning:3306/planning
spring.datasource.username=planning
spring.datasource.password=ENC({rs(r, 64, B64)})
jasypt.encryptor.algorithm=PBEWITHHMACSHA512ANDAES_256
jasypt.encryptor.password=${{JASYPT_MASTER}}

Do I need to set the iv-generator explicitly?""", []


@T("config", "ru", "not_secret", "empty_value")
def cfg_ini_empty_password(r):
    return f"""\
Почему 1С не подключается к PostgreSQL с этим конфигом? Пароль оставил пустым, потому что на сервере стоит peer-аутентификация:

[database]
host=/var/run/postgresql
port=5432
user=usr1cv8
password=
dbname=buh_2024

Ошибка: "FATAL: Peer authentication failed for user usr1cv8". Сервер 1С запускается от пользователя usr1cv8, а не postgres.""", []


@T("config", "en", "not_secret", "hash")
def cfg_cargo_lock(r):
    return f"""\
cargo build stops with "checksum for `serde v1.0.203` changed between lock files". The relevant part of Cargo.lock:

[[package]]
name = "serde"
version = "1.0.203"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "{sha256(r)}"
dependencies = [
 "serde_derive",
]

[[package]]
name = "serde_derive"
version = "1.0.203"
source = "registry+https://github.com/rust-lang/crates.io-index"
checksum = "{sha256(r)}"

It started when we switched to the internal mirror.""", []


@T("config", "pl", "not_secret", "no_credential")
def cfg_webconfig_managed_identity(r):
    return f"""\
Po przejściu na tożsamość zarządzaną aplikacja ASP.NET zgłasza "Login failed for user '<token-identified principal>'". web.config:

<connectionStrings>
  <add name="Magazyn"
       connectionString="Server=tcp:sql-magazyn.database.windows.net,1433;Database=magazyn;Authentication=Active Directory Managed Identity;Encrypt=True;"
       providerName="Microsoft.Data.SqlClient" />
</connectionStrings>

W bazie wykonałem CREATE USER [app-magazyn-prod] FROM EXTERNAL PROVIDER. Czy trzeba jeszcze nadać role?""", []


@T("config", "ko", "not_secret", "encrypted_blob")
def cfg_sealed_secret(r):
    return f"""\
SealedSecret을 적용했는데 실제 Secret이 생성되지 않아요. kubectl get sealedsecret 하면 상태가 비어 있습니다.

apiVersion: bitnami.com/v1alpha1
kind: SealedSecret
metadata:
  name: jumun-db
  namespace: jumun
spec:
  encryptedData:
    password: AgB{rs(r, 180, B64)}==
  template:
    metadata:
      name: jumun-db

컨트롤러는 kube-system이 아니라 sealed-secrets 네임스페이스에 설치했어요.""", []


@T("config", "en", "not_secret", "public_key")
def cfg_authorized_keys(r):
    return f"""\
I added my colleague's key to authorized_keys but she still gets "Permission denied (publickey)". The file:

# /home/deploy/.ssh/authorized_keys
{ssh_ed25519_pub(r)} sam@laptop-2023
{ssh_ed25519_pub(r)} priya@workstation
from="10.8.0.0/16" {ssh_ed25519_pub(r)} ci@runner

Permissions: ~/.ssh is 755 and authorized_keys is 664. Could that be it?""", []

# ==================================================================== chat
@T("chat", "en", "secret", "password")
def chat_slack_grafana_login(r):
    pw = pw_any(r, "en")
    return f"""\
How do I politely tell a senior colleague to stop posting passwords in public channels? This was in #ops this morning:

Dave Kowalczyk  9:14 AM
@channel grafana is back up, if your SSO login doesn't work yet just use the local admin for today
user: admin
pass: {pw}
will fix SSO after lunch :pray:

Marta L.  9:16 AM
:+1: works

I don't want to sound preachy, he's been here 10 years.""", [("password", pw)]


@T("chat", "de", "secret", "atlassian_api_token")
def chat_email_vendor_atlassian(r):
    tok = atlassian_token(r)
    return f"""\
Kannst du mir helfen, auf diese Mail professionell zu antworten? Ich will dem Dienstleister sagen, dass er uns Zugangsdaten nie wieder per Mail schicken soll.

Von: Jens Hartmann <j.hartmann@it-partner-hartmann.de>
An: Lisa Brandt <lisa.brandt@moebelhaus-krause.de>
Betreff: Jira-Anbindung für das Warenwirtschaftsskript

Hallo Frau Brandt,

wie besprochen habe ich für den Servicebenutzer automation@moebelhaus-krause.de einen API-Token erstellt. Bitte tragen Sie ihn im Skript unter JIRA_TOKEN ein:

{tok}

Die Basis-URL ist https://moebelhaus-krause.atlassian.net.

Mit freundlichen Grüßen
Jens Hartmann""", [("atlassian_api_token", tok)]


@T("chat", "fr", "secret", "openai_api_key")
def chat_teams_new_key(r):
    key = openai_proj(r)
    return f"""\
Tu peux m'aider à rédiger une réponse à ce message Teams ? Je veux expliquer pourquoi il ne faut pas partager la clé comme ça, sans froisser.

[10:42] Julien Moreau
Salut ! J'ai régénéré la clé OpenAI du projet « assistant-rh » parce que l'ancienne avait fuité dans un notebook. La nouvelle c'est :
{key}
Tu peux la mettre dans le .env du serveur de démo stp ? Merci 🙏

[10:43] Julien Moreau
(et supprime l'ancienne du notebook du coup)""", [("openai_api_key", key)]


@T("chat", "es", "secret", "password")
def chat_whatsapp_ftp(r):
    pw = pw_any(r, "es", "!#%*+-?@^_.")
    return f"""\
Mi jefe me mandó esto por WhatsApp y no sé qué es "puerto 21" ni cómo subir los archivos. ¿Me explicas paso a paso con FileZilla?

[14/3 18:02] Ramón (jefe): Sube las fotos nuevas de la carta a la web antes del finde
[14/3 18:02] Ramón (jefe): servidor ftp.restaurantelaola.es
[14/3 18:03] Ramón (jefe): usuario laola_web
[14/3 18:03] Ramón (jefe): contraseña {pw}
[14/3 18:03] Ramón (jefe): puerto 21, carpeta /public_html/img/carta
[14/3 18:05] Yo: vale, mañana lo miro""", [("password", pw)]


@T("chat", "pt", "secret", "cloudflare_api_token")
def chat_email_cloudflare(r):
    tok = cloudflare_token(r)
    return f"""\
Resume esse e-mail de passagem de bastão em tópicos para eu colocar no nosso wiki (sem o token, claro):

Assunto: Passagem do DNS da loja para você

Oi Camila,

como vou sair de férias, você vai cuidar do DNS da lojadabia.com.br. Tudo está no Cloudflare. Para o script de atualização do IP dinâmico do escritório, usa este token (só tem permissão Zone.DNS:Edit nessa zona):

{tok}

O script está em /opt/ddns/atualiza.sh e roda a cada 5 minutos pelo cron. Se der algum problema, o Zone ID está no painel, aba Overview.

Abraço,
Rodrigo""", [("cloudflare_api_token", tok)]


@T("chat", "it", "secret", "replicate_api_token")
def chat_slack_replicate(r):
    tok = replicate_token(r)
    return f"""\
Un collega mi ha scritto questo su Slack, mi aiuti a capire come usare il token in uno script Python che genera immagini per il catalogo?

Giorgia B.  11:20
ciao! ti ho creato l'accesso a Replicate per il progetto catalogo
token: {tok}
modello da usare: black-forest-labs/flux-schnell
limite di spesa 50 €/mese, non esagerare 😄

Io non ho mai usato Replicate.""", [("replicate_api_token", tok)]


@T("chat", "ru", "secret", "password")
def chat_telegram_vpn(r):
    pw = pw_any(r, "ru")
    return f"""\
Помоги, пожалуйста, настроить VPN на макбуке по этой инструкции от нашего админа из Телеграма. Я не понимаю, что такое «общий ключ»:

Сергей Админ:
Привет! Доступ к VPN офиса:
сервер: vpn.stroyservis.ru
тип: L2TP/IPsec
логин: e.smirnova
пароль: {pw}
общий ключ возьми у меня лично, в чат не пишу

Ещё он сказал, что на маке нужно галочку «Отправлять весь трафик через VPN» поставить. Зачем?""", [("password", pw)]


@T("chat", "zh", "secret", "password")
def chat_wechat_mysql(r):
    pw = pw_any(r, "zh", "!#%*+-?@^_.")
    return f"""\
同事在微信里发我的数据库信息，我用 Navicat 连不上，提示 2003 错误。帮我看看是哪里的问题：

【李工】测试库信息发你：
地址：47.{r.randint(90,120)}.{r.randint(0,255)}.{r.randint(2,250)}
端口：3306
账号：test_dev
密码：{pw}
库名：mall_test
【李工】白名单我已经加了你们办公室的 IP

我现在是在家里连的，是不是因为 IP 不在白名单里？""", [("password", pw)]


@T("chat", "ja", "secret", "notion_token")
def chat_slack_notion(r):
    tok = notion_token(r)
    return f"""\
先輩から Slack でこう言われました。このトークンを使って Notion のデータベースを Python から読む方法を教えてください。

木村 14:05
インテグレーション作っておいたよ。トークンはこれ
{tok}
「議事録DB」には接続済み。他のページは見えないはず
使い終わったら教えてね、無効化するので""", [("notion_token", tok)]


@T("chat", "ko", "secret", "password")
def chat_kakao_wordpress(r):
    pw = pw_any(r, "ko")
    return f"""\
팀장님이 카톡으로 보내주신 건데, 워드프레스 관리자 페이지에 로그인이 안 돼요. 주소가 맞는지 봐주세요.

[박 팀장] 오후 3:21
홈페이지 관리자 계정이야
주소: https://www.hangang-cafe.co.kr/wp-admin
아이디: hangang_admin
비번: {pw}
[박 팀장] 오후 3:22
로그인하고 메뉴판 이미지만 바꿔줘

로그인 누르면 계속 같은 페이지로 돌아와요.""", [("password", pw)]


@T("chat", "tr", "secret", "mailgun_api_key")
def chat_email_mailgun(r):
    key = mailgun_key(r)
    return f"""\
Şu e-postayı İngilizceye çevirir misin? Hindistan'daki ekibe iletmem gerekiyor (anahtar kısmını çıkarabilirsin, ben ayrıca gönderirim):

Konu: Bülten gönderimi için Mailgun erişimi

Merhaba Deniz,

Bülten servisini yeni sunucuya taşıdık. Mailgun için gönderim anahtarı aşağıda, sadece mg.kahvedunyasi.com.tr alan adında geçerli:

{key}

Gönderim limiti günlük 10.000. Sorun olursa bana yaz.

Selamlar,
Burak""", [("mailgun_api_key", key)]


@T("chat", "cs", "secret", "linear_api_key")
def chat_email_linear(r):
    key = linear_key(r)
    return f"""\
Můžeš mi z tohohle e-mailu udělat krátký návod pro nového kolegu? Jde o napojení Linearu na náš interní nástroj.

Předmět: Linear API pro reporting

Ahoj Tomáši,

vytvořil jsem osobní API klíč pro servisní účet reporting@agentura-vltava.cz, ať můžeš dotahovat issues do týdenního reportu:

{key}

Dotazuje se přes GraphQL na https://api.linear.app/graphql, hlavička Authorization bez "Bearer".

Díky,
Ondra""", [("linear_api_key", key)]


@T("chat", "vi", "secret", "password")
def chat_zalo_cpanel(r):
    pw = pw_any(r, "vi", "!#%*+-?@^_.")
    return f"""\
Anh trưởng phòng gửi qua Zalo thông tin hosting, em cần đổi bản ghi MX để dùng Google Workspace. Anh chị hướng dẫn em từng bước được không?

Anh Tuấn: Em vào cPanel nhé
Anh Tuấn: https://host.nhanhoa.vn:2083
Anh Tuấn: user: congtyabc
Anh Tuấn: mật khẩu: {pw}
Anh Tuấn: nhớ chụp màn hình các bản ghi cũ trước khi sửa""", [("password", pw)]


# ---- chat: negatives
@T("chat", "en", "not_secret", "rotation_notice")
def chat_rotated_stripe_notice(r):
    return f"""\
Can you turn this Slack message into a short changelog entry for our internal status page?

Priya N.  4:02 PM
Heads up: I rotated the Stripe live secret key after the contractor offboarding. The old key ending in …{rs(r,4)} is revoked. New key is in 1Password → "Payments / Stripe live (2024-06)" and already deployed to prod via the secrets pipeline. If you see 401s from Stripe in any service, it's still reading the old env var – restart it.""", []


@T("chat", "en", "not_secret", "secret_reference")
def chat_vault_path(r):
    return f"""\
Please summarise my colleague's message so I can put it into our onboarding doc:

Hi Anna, the staging database credentials are no longer in the wiki, they're in Vault under secret/data/staging/postgres (fields username and password). You can read them with the "developer" role, log in with "vault login -method=oidc". For production please request access through a ticket with the platform team.""", []


@T("chat", "fr", "not_secret", "password_policy")
def chat_password_policy_fr(r):
    return f"""\
Peux-tu reformuler cet e-mail de la DSI pour qu'il soit plus clair et moins sec ?

Objet : Nouvelle politique de mots de passe au 1er septembre

Bonjour à tous,

À partir du 1er septembre, les mots de passe devront comporter au moins 14 caractères, ne pas contenir votre nom ou celui de l'entreprise, et ne pas avoir été utilisés lors des 10 derniers changements. Le renouvellement forcé tous les 90 jours est supprimé au profit de la double authentification obligatoire. Les comptes seront verrouillés après 8 tentatives échouées.

La DSI""", []


@T("chat", "es", "not_secret", "redacted")
def chat_redacted_paste_es(r):
    return f"""\
Te pego el mensaje que le mandé al proveedor (tapé los datos sensibles). ¿Crees que se entiende el problema?

Hola Marcos:
Desde ayer el conector con vuestra API devuelve 403. Estamos usando el usuario integracion@ferreteriagomez.es y la contraseña [REDACTADO], con la clave de API ********************. No hemos cambiado nada por nuestra parte. ¿Podéis revisar si la cuenta está bloqueada?
Gracias, Lucía""", []


@T("chat", "pt", "not_secret", "username")
def chat_username_only_pt(r):
    return f"""\
Me ajuda a escrever um pedido formal para o TI liberar meu acesso? Hoje eu só mandei isso no chat:

"oi, meu usuário é joao.pereira@construtorabrasilia.com.br e o login de rede é JPEREIRA02. preciso de acesso à pasta \\\\fs01\\Engenharia\\Projetos2024 e ao SAP (transação ME21N). meu gestor é o Carlos Mendes."

Quero que fique mais profissional.""", []


@T("chat", "it", "not_secret", "out_of_band_notice")
def chat_sms_password_it(r):
    return f"""\
Mi traduci in inglese questo messaggio per il nuovo collaboratore di Dublino?

"Ciao Sean, benvenuto! Il tuo account è sean.obrien sul dominio STUDIOBIANCHI. La password temporanea te l'ho mandata per SMS al numero che ci hai dato: al primo accesso ti chiederà di cambiarla. Per la VPN usa lo stesso utente, il profilo lo trovi in allegato.\"""", []


@T("chat", "nl", "not_secret", "rotation_notice")
def chat_key_revoked_nl(r):
    return f"""\
Kun je dit bericht in het Engels zetten voor onze Indiase collega's?

"Beste allemaal, de API-sleutel van het leveranciersportaal is vanochtend ingetrokken omdat hij per ongeluk in een publieke GitHub-repo stond. Er is een nieuwe sleutel aangemaakt; die staat alleen in Azure Key Vault (kv-inkoop-prd, secret 'leverancier-api'). Gebruik de oude sleutel niet meer, en zet nooit meer sleutels in code. Groet, Sanne (Security)\"""", []


@T("chat", "pl", "not_secret", "masked_key")
def chat_masked_key_pl(r):
    return f"""\
Pomóż mi odpisać dostawcy. Twierdzi, że używamy złego klucza, a ja widzę w panelu, że jest aktywny:

"Dzień dobry, w logach widzimy żądania z kluczem kończącym się na ...{rs(r,4)} (utworzony 12.03, nazwa 'sklep-prod'). Ten klucz ma tylko uprawnienia do odczytu, dlatego POST /orders zwraca 403. Prosimy wygenerować klucz z uprawnieniem zapisu."

Jak grzecznie zapytać, gdzie w panelu zmienia się uprawnienia?""", []


@T("chat", "uk", "not_secret", "request_id")
def chat_trace_ids_uk(r):
    return f"""\
Допоможи скласти звернення в підтримку платіжного провайдера на основі цього листування з колегою:

Олег: у клієнта двічі списали гроші, ось дані
Олег: order_id: UA-{r.randint(10**6,10**7)}
Олег: payment_id: pay_{rs(r,24,LO+DG)}
Олег: trace-id першого запиту: {hexs(r,32)}
Олег: trace-id другого: {hexs(r,32)}
Олег: час ~14:03 за Києвом, сума 1 249 грн

Хочу, щоб лист був коротким і зрозумілим.""", []


@T("chat", "ja", "not_secret", "placeholder")
def chat_placeholder_ja(r):
    return f"""\
新人向けの案内メールを丁寧な文面に直してもらえますか？

「経費精算システムのログイン情報は以下です。
URL：https://keihi.example-shoji.co.jp
ID：社員番号（例：E012345）
パスワード：（初回ログイン用パスワードは別途人事からお知らせします）
初回ログイン後、必ずパスワードを変更してください。」""", []


@T("chat", "en", "not_secret", "version_string")
def chat_build_ids(r):
    return f"""\
Can you write release notes from this thread? Keep it short.

Tom: 2.14.0 is out on staging, build #{r.randint(4000,5000)} (commit {hexs(r,7)})
Tom: artifact: api-server-2.14.0+build.{r.randint(4000,5000)}.linux-amd64.tar.gz
Tom: image: registry.acme.dev/api-server:2.14.0-{hexs(r,7)}
Aisha: includes the CSV export fix and the new rate limiter
Tom: also bumped Go to 1.22.{r.randint(1,5)} and pgx to v5.6.0""", []

# ================================================================= runbook
@T("runbook", "en", "secret", "password")
def rb_jenkins_onboarding(r):
    pw = pw_any(r, "en")
    return f"""\
Can you turn these notes into a proper onboarding page with headings? Keep all the facts.

new starter notes (build team)
- staging Jenkins is at https://jenkins-stg.build.internal, the admin login is jenkins-admin and the password is {pw} – only use it if LDAP is down
- artifacts go to the "builds-staging" bucket, ask Mei for IAM access
- nightly jobs are owned by whoever is on the rota that week, rota is in the team calendar
- never press "Restart safely" during the 02:00 window, the backup job runs then""", [("password", pw)]


@T("runbook", "de", "secret", "password")
def rb_nas_wiki_de(r):
    pw = pw_any(r, "de")
    return f"""\
Bitte formuliere diese Confluence-Seite als Schritt-für-Schritt-Anleitung für die Azubis um:

Datensicherung Büro Münster
Die Sicherung läuft jede Nacht auf das Synology-NAS im Keller (nas-muenster, 192.168.20.5). Wenn die Sicherung im Hyper-Backup-Protokoll rot ist, meldet ihr euch am NAS als Benutzer „admin-it“ mit dem Kennwort {pw} an und startet die Aufgabe „Nacht-Backup“ manuell. Danach bitte das Protokoll als PDF exportieren und an it@kanzlei-brueggemann.de schicken. Die USB-Platte wird freitags von Frau Lenz getauscht.""", [("password", pw)]


@T("runbook", "en", "secret", "pagerduty_api_key")
def rb_oncall_pagerduty(r):
    key = "u+" + rs(r, 18, AL + "-_")
    return f"""\
Here's our on-call procedure. Can you rewrite it as a numbered list and point out what's missing?

On-call procedure – Platform team
When a PagerDuty alert comes in, acknowledge it within 5 minutes. The auto-escalation script (scripts/escalate.py) uses the REST API key {key} of the "oncall-bot" service account; if the script crashes, escalate by hand from the app. For severity 1 incidents, open a #inc-YYYYMMDD channel in Slack and let the product owner know.""", [("pagerduty_api_key", key)]


@T("runbook", "en", "secret", "password")
def rb_pg_restore(r):
    pw = pw_any(r, "es", "!%*+-?@^_.")
    return f"""\
Can you review this restore runbook? I think the steps are in the wrong order:

Runbook: restore the billing database from backup
1. Stop the service: sudo systemctl stop billing-api
2. Download the latest dump: aws s3 cp s3://backups-billing/daily/latest.dump /tmp/
3. Restore: PGPASSWORD='{pw}' pg_restore -h pg-billing.internal -U postgres -d billing --clean /tmp/latest.dump
4. Create the empty database if it doesn't exist: createdb billing
5. Start the service and check /health""", [("password", pw)]


@T("runbook", "pt", "secret", "password")
def rb_onboarding_pt(r):
    wifi = pw_any(r, "pt")
    vpn = pw_any(r, "pt")
    return f"""\
Transforma isso num documento de boas-vindas mais simpático para novos estagiários:

Primeiro dia – Escritório Porto
O Wi-Fi dos funcionários é "Atelier-Equipa" e a senha é {wifi}. Para aceder aos servidores de casa, instalem o FortiClient e usem o utilizador "estagio.vpn" com a senha {vpn} até receberem a vossa conta pessoal. O portátil é entregue pela Inês na receção. Almoço às 13h, há micro-ondas na copa.""", [("password", wifi), ("password", vpn)]


@T("runbook", "nl", "secret", "grafana_service_account_token")
def rb_grafana_nl(r):
    tok = grafana_sa(r)
    return f"""\
Kun je van deze interne notitie een nette runbook-pagina maken?

Dashboards exporteren (maandelijks)
Elke eerste maandag exporteren we de dashboards uit Grafana naar de git-repo "dashboards-backup". Het exportscript gebruikt het service account "export-bot" met token {tok} (Viewer-rechten). Draai: ./export.sh https://grafana.logistiek.nl en commit het resultaat. Als het script faalt met 401, vraag Pieter om een nieuw token.""", [("grafana_service_account_token", tok)]


@T("runbook", "pl", "secret", "tailscale_auth_key")
def rb_tailscale_pl(r):
    key = tailscale_key(r)
    return f"""\
Popraw proszę tę instrukcję, żeby była czytelna dla osób spoza IT:

Dołączanie nowego serwera do sieci Tailscale
Na nowym serwerze zainstaluj Tailscale skryptem z oficjalnej strony, a potem uruchom: sudo tailscale up --authkey={key} --advertise-tags=tag:serwer. Klucz jest wielokrotnego użytku i wygasa 30 czerwca. Po dodaniu sprawdź w panelu, czy maszyna ma tag „serwer” i wyłącz wygasanie klucza węzła.""", [("tailscale_auth_key", key)]


@T("runbook", "ru", "secret", "password")
def rb_idrac_ru(r):
    pw = pw_any(r, "ru")
    return f"""\
Перепиши, пожалуйста, этот регламент понятнее, можно таблицей:

Регламент перезагрузки зависшего сервера 1С
Если сервер 1С (srv-1c-01) не отвечает больше 10 минут, заходим в iDRAC по адресу https://10.10.0.21, логин root, пароль {pw}. В разделе Power выбираем «Graceful Shutdown», ждём 3 минуты, затем «Power On». Если через 15 минут служба 1С не поднялась — звоним Андрею Петровичу.""", [("password", pw)]


@T("runbook", "zh", "secret", "alibaba_access_key")
def rb_aliyun_zh(r):
    kid, sec = alibaba_id(r), rs(r, 30)
    return f"""\
帮我把这份运维手册整理成标准格式（目的、前置条件、步骤、回滚）：

OSS 日志归档操作说明
每周一上午把上周的 Nginx 日志上传到 OSS 桶 log-archive-hz。服务器上已经装好 ossutil，配置用的是 RAM 子账号 log-uploader 的 AccessKey：AccessKey ID 为 {kid}，AccessKey Secret 为 {sec}。执行 ossutil cp -r /var/log/nginx/archive/ oss://log-archive-hz/$(date +%Y%V)/ 即可。上传完成后删除本地 7 天前的文件。""", [("alibaba_access_key_id", kid), ("alibaba_access_key_secret", sec)]


@T("runbook", "ko", "secret", "atlassian_api_token")
def rb_jira_ko(r):
    tok = atlassian_token(r)
    return f"""\
아래 인수인계 문서를 신입 개발자용 온보딩 가이드로 다듬어 주세요.

지라 자동화 스크립트 인수인계
매일 오전 9시에 배포 이력을 지라 이슈에 코멘트로 남기는 스크립트가 있습니다(jenkins의 jira-sync 잡). 서비스 계정은 deploy-bot@hangang-soft.com이고 API 토큰은 {tok} 입니다. 토큰 만료 시 관리자 페이지에서 재발급 후 젠킨스 크리덴셜 JIRA_TOKEN을 갱신하세요.""", [("atlassian_api_token", tok)]


# ---- runbook: negatives
@T("runbook", "en", "not_secret", "secret_reference")
def rb_refs_1password(r):
    return f"""\
Please tidy up this runbook section and fix the grammar:

Failover the RDS primary
1. Get the master credentials from 1Password, vault "Infra", item "RDS orders-prod master". Do not copy them into tickets or Slack.
2. Run aws rds failover-db-cluster --db-cluster-identifier orders-prod.
3. Watch the writer endpoint flip in the console (usually under 60s).
4. Check app error rates in Datadog dashboard "Orders – golden signals".
5. Post in #incidents that the failover is done.""", []


@T("runbook", "de", "not_secret", "password_policy")
def rb_policy_de(r):
    return f"""\
Kannst du diese Passwortrichtlinie in verständliche Sprache für alle Mitarbeitenden übersetzen?

§4 Kennwörter
(1) Kennwörter müssen mindestens 12 Zeichen lang sein und dürfen nicht aus Wörterbuchbegriffen, Namen oder Geburtsdaten bestehen.
(2) Für Administrationskonten gilt eine Mindestlänge von 16 Zeichen sowie die Pflicht zur Zwei-Faktor-Authentifizierung.
(3) Kennwörter sind ausschließlich im freigegebenen Passwortmanager zu speichern; die Weitergabe per E-Mail, Chat oder Telefon ist untersagt.
(4) Bei Verdacht auf Kompromittierung ist das Kennwort unverzüglich zu ändern und die IT-Sicherheit zu informieren.""", []


@T("runbook", "fr", "not_secret", "placeholder")
def rb_template_fr(r):
    return f"""\
Voici le modèle de fiche d'accès qu'on remplit pour chaque client. Tu peux proposer une mise en page plus claire ?

FICHE D'ACCÈS CLIENT
Client : <nom du client>
URL de l'interface d'administration : <à compléter>
Identifiant administrateur : <à compléter>
Mot de passe : <à compléter — stocké dans Bitwarden, collection « Clients »>
Contact technique : <nom, téléphone>
Date de dernière vérification : JJ/MM/AAAA""", []


@T("runbook", "es", "not_secret", "rotation_notice")
def rb_rotation_procedure_es(r):
    return f"""\
¿Puedes revisar este procedimiento de rotación de credenciales y decirme si falta algún paso?

Rotación trimestral de la contraseña del usuario de réplica
1. Generar una contraseña nueva de 32 caracteres con el gestor de contraseñas.
2. Guardarla en AWS Secrets Manager, secreto prod/mysql/replica, como nueva versión AWSPENDING.
3. Ejecutar ALTER USER 'replica'@'%' IDENTIFIED BY con el valor del secreto (nunca pegarlo en la terminal compartida).
4. Reiniciar el canal de réplica en la réplica y comprobar Seconds_Behind_Master.
5. Marcar la versión como AWSCURRENT y eliminar la anterior.""", []


@T("runbook", "en", "not_secret", "username")
def rb_accounts_list(r):
    return f"""\
Could you put this list of accounts into a table for the handover document?

Service accounts of the practice:
- backup.nightly@studiorossi.it – used by the NAS for notifications
- scanner.floor1 – SMB user of the multifunction printer on the first floor
- invoices.sdi@studiorossi.it – certified e-mail box linked to the accounting software
- admin.accounting – administrator of the accounting software (managed by the vendor)
The passwords are all in the shared KeePass on the server, folder "Services".""", []


@T("runbook", "ja", "not_secret", "secret_reference")
def rb_secretsmanager_ja(r):
    return f"""\
以下の手順書を、初めて作業する人にも分かるように書き直してください。

【DB接続情報の取得手順】
1. AWS コンソールではなく CLI を使うこと。
2. aws secretsmanager get-secret-value --secret-id prod/order-db/app --query SecretString --output text | jq -r .password
3. 取得したパスワードは画面共有中に表示しないこと。
4. 作業後はターミナルの履歴を削除すること（history -d）。""", []


@T("runbook", "tr", "not_secret", "doc_example_key")
def rb_doc_example_tr(r):
    return f"""\
Stajyerler için hazırladığım AWS CLI kurulum notlarını düzeltir misin? Örnekteki anahtarlar AWS dokümantasyonundan.

AWS CLI kurulumu
1. aws configure komutunu çalıştırın.
2. Örnek giriş şöyle görünür:
   AWS Access Key ID [None]: AKIAIOSFODNN7EXAMPLE
   AWS Secret Access Key [None]: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
   Default region name [None]: eu-central-1
   Default output format [None]: json
3. Kendi anahtarlarınızı IT ekibinden bir talep açarak alın, asla e-postayla istemeyin.""", []


@T("runbook", "cs", "not_secret", "wifi_ssid")
def rb_wifi_ssid_cs(r):
    return f"""\
Můžeš z těchto poznámek udělat uvítací leták pro nové zaměstnance?

- Wi-Fi pro zaměstnance: síť „Kancelar-5G“, přihlašuje se firemním účtem (WPA2-Enterprise), heslo se nikam nepíše.
- Wi-Fi pro hosty: „Host-Vltava“, heslo je vytištěné na recepci a mění se každý týden.
- Tiskárna v kuchyňce: TISK-02, tiskne se přes kartu.
- Parkování: dvůr, vjezd přes čip, vyzvednout u paní Horákové.""", []

# ============================================================== transcript
NATO = {"a": "Alpha", "b": "Bravo", "c": "Charlie", "d": "Delta", "e": "Echo", "f": "Foxtrot",
        "g": "Golf", "h": "Hotel", "i": "India", "j": "Juliett", "k": "Kilo", "l": "Lima",
        "m": "Mike", "n": "November", "o": "Oscar", "p": "Papa", "q": "Quebec", "r": "Romeo",
        "s": "Sierra", "t": "Tango", "u": "Uniform", "v": "Victor", "w": "Whiskey", "x": "X-ray",
        "y": "Yankee", "z": "Zulu"}
DIGIT_EN = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SYM_EN = {"!": "exclamation mark", "#": "hash", "%": "percent", "*": "star", "+": "plus",
          "-": "dash", "=": "equals", "?": "question mark", "@": "at sign", "^": "caret",
          "_": "underscore", ".": "dot"}


def spell_en(pw, nato=True):
    out = []
    for c in pw:
        if c.isalpha():
            word = "%s as in %s" % (c, NATO[c.lower()]) if nato else c
            out.append(("capital " + word) if c.isupper() else word.lower() if not nato else word)
        elif c.isdigit():
            out.append(DIGIT_EN[int(c)])
        else:
            out.append(SYM_EN[c])
    return ", ".join(out)


@T("transcript", "en", "secret", "password")
def tr_helpdesk_nato(r):
    pw = r.choice(WORDS["en"]).capitalize() + "-" + str(r.randint(1000, 9999))
    return f"""\
Can you summarise this helpdesk call for the ticket? Leave out anything sensitive.

[00:00:04] Agent (Kim): IT service desk, Kim speaking.
[00:00:07] Caller (Rob Fenton): Hi, I'm locked out of my laptop after the holidays.
[00:00:19] Agent (Kim): Okay Rob, I've verified you with the code from your phone. I've reset it, your temporary password is {pw}.
[00:00:31] Caller: Sorry, can you spell that?
[00:00:33] Agent (Kim): Sure: {spell_en(pw)}.
[00:00:49] Caller: Got it, and it makes me change it straight away?
[00:00:52] Agent (Kim): Yes, at first sign-in. Anything else?
[00:00:55] Caller: No, that's all, thanks.""", [("password", pw)]


@T("transcript", "en", "secret", "password_spelled")
def tr_spelled_only(r):
    w = r.choice(WORDS["en"])
    raw = w.capitalize() + r.choice("#!@") + "%02d" % r.randint(10, 99)
    spelled = spell_en(raw, nato=False)
    return f"""\
This is the auto-transcript of a voicemail from my dad. Can you work out what the password for his printer's web page is? The transcript is a bit garbled.

"Hi, it's Dad. The man from the shop set up the printer thing, he said to tell you the admin password so you can fix the scanning from your end. It's {spelled}. Did you get that? Anyway, call me back. Love you, bye."

I think he's saying it letter by letter.""", [("password_spelled", spelled)]


@T("transcript", "de", "secret", "password")
def tr_teams_de(r):
    w = r.choice(["Sommerwiese", "Kastanienbaum", "Wintergarten", "Rheinufer", "Kaffeetasse"])
    y = r.randint(2019, 2025)
    pw = "%s%d!" % (w, y)
    return f"""\
Hier ist das Transkript aus unserem Teams-Call und der Chat dazu. Kannst du die offenen Punkte als Aufgabenliste rausschreiben?

00:12:03 Markus Ebert: … und für den Testzugang beim Kunden, das Passwort ist {w}, direkt dahinter die Jahreszahl {y} und am Ende ein Ausrufezeichen.
00:12:15 Sabine Yilmaz: Okay, großes S?
00:12:17 Markus Ebert: Großes S, ja.
00:12:20 Sabine Yilmaz: Ich tipp's mal in den Chat, damit's alle haben.

[Chat] Sabine Yilmaz 12:20: {pw}
[Chat] Markus Ebert 12:21: 👍 und bitte bis Freitag die Schnittstellendoku an den Kunden
00:13:02 Markus Ebert: Dann noch zum Budget …""", [("password", pw)]


@T("transcript", "fr", "secret", "pin")
def tr_voicemail_keybox_fr(r):
    code = pin(r)
    spoken = " ".join(code)
    return f"""\
Transcription automatique d'un message vocal de notre propriétaire Airbnb. Tu peux me dire à quelle heure on peut arriver et comment récupérer les clés ?

« Bonjour, c'est Nathalie pour l'appartement rue des Carmes. Vous pouvez arriver à partir de 16 heures. Les clés sont dans la boîte à code à droite de la porte, le code c'est {spoken}, je répète {spoken}. Le wifi est affiché sur le frigo. Bon séjour ! »""", [("pin", spoken)]


@T("transcript", "es", "secret", "password")
def tr_meeting_router_es(r):
    pw = pw_any(r, "es")
    return f"""\
Te paso la transcripción de la reunión de ayer (la hizo Otter). ¿Me haces un acta con acuerdos y responsables?

Laura: Vale, lo del router de la oficina nueva. Lo instaló el de Movistar, la clave de administración que dejó es {pw}.
Pablo: ¿Esa es la del wifi o la del panel?
Laura: La del panel, 192.168.1.1. La del wifi está en la pegatina.
Pablo: Vale, pues yo la cambio esta semana y la meto en el gestor.
Laura: Perfecto. Siguiente punto: las sillas.""", [("password", pw)]


@T("transcript", "ja", "secret", "password")
def tr_phone_ja(r):
    pw = pw_any(r, "ja")
    return f"""\
取引先との電話の文字起こしです。議事録の形式にまとめてください。

佐藤：では検証環境のログイン情報をお伝えしますね。URL はメールでお送りした管理画面で、ユーザー名は kensho-user です。
山本：はい。
佐藤：パスワードは {pw} です。大文字小文字に注意してください。
山本：確認します……入れました。ありがとうございます。
佐藤：来週金曜までに動作確認の結果をいただけますか。
山本：承知しました。""", [("password", pw)]


@T("transcript", "pt", "secret", "password")
def tr_wifi_otter_pt(r):
    pw = pw_any(r, "pt")
    return f"""\
Transcrição da nossa reunião de planejamento do evento (gerada pelo Zoom). Faz um resumo com as decisões?

Fernanda: O auditório confirmou para o dia 14. A rede Wi-Fi dos palestrantes vai ser "Evento-Palco" e a senha é {pw}.
Ricardo: Anotei. A do público é aberta?
Fernanda: É aberta, com portal de cadastro.
Ricardo: E o coffee break?
Fernanda: Às 10h30 e às 15h30, 200 pessoas.""", [("password", pw)]


@T("transcript", "ru", "secret", "password")
def tr_call_ru(r):
    pw = pw_any(r, "ru")
    return f"""\
Это расшифровка звонка в поддержку хостинга. Составь, пожалуйста, жалобу по итогам — нас продержали на линии 40 минут.

Оператор: Для восстановления доступа я установил временный пароль к панели: {pw}. Продиктовать ещё раз?
Клиент: Да, пожалуйста, медленно.
Оператор: {pw}. При первом входе система попросит сменить.
Клиент: А почему сайт вообще был заблокирован?
Оператор: Сработала автоматическая защита от рассылки спама с вашего аккаунта.""", [("password", pw)]


# ---- transcript: negatives
@T("transcript", "en", "not_secret", "out_of_band_notice")
def tr_signal_notice(r):
    return f"""\
Summarise this call transcript into action items please.

[00:02:10] Hannah: For the contractor's access to the staging box, I'm not going to read the password out on a recorded call.
[00:02:16] Luis: Fair.
[00:02:17] Hannah: I'll send it over Signal after this, and it expires Friday anyway.
[00:02:22] Luis: And the VPN?
[00:02:24] Hannah: Same – he'll get an invite email, he sets his own password.
[00:02:30] Luis: Cool. Next: the invoice dispute.""", []


@T("transcript", "en", "not_secret", "password_policy")
def tr_policy_call(r):
    return f"""\
Can you turn this support call into a short FAQ for our customers?

Customer: Why won't your portal accept my new password?
Support: It needs at least twelve characters, a number and a special character, and it can't contain your e-mail address.
Customer: What about accented letters?
Support: Those are fine; spaces at the start and end are stripped.
Customer: Do I have to change it regularly?
Support: No, only if we ask you to.""", []


@T("transcript", "it", "not_secret", "security_advice")
def tr_otp_advice_it(r):
    return f"""\
Riassumi questa telefonata con il servizio clienti della banca, mi serve per un reclamo.

Operatore: Le arriverà adesso un codice via SMS. Non me lo deve comunicare, lo inserisca solo nell'app.
Cliente: D'accordo… fatto.
Operatore: Perfetto, ora il bonifico risulta bloccato e la carta è sospesa.
Cliente: E la nuova carta?
Operatore: Arriva in filiale entro sette giorni lavorativi. Nessun operatore le chiederà mai codici o password al telefono.""", []


@T("transcript", "nl", "not_secret", "username")
def tr_username_spelled_nl(r):
    return f"""\
Kun je uit dit telefoongesprek halen welk account ik moet aanmaken?

Medewerker: Het account moet worden gekoppeld aan het e-mailadres van de nieuwe collega.
Beller: Dat is w punt de jong, met een spatie tussen de en jong? Nee, zonder spatie: w.dejong@woningbouw-zuid.nl.
Medewerker: En de gebruikersnaam voor het planningssysteem?
Beller: WDEJONG, alles hoofdletters. Het wachtwoord kiest ze zelf bij de eerste keer inloggen.""", []


@T("transcript", "zh", "not_secret", "reset_notice")
def tr_reset_link_zh(r):
    return f"""\
这是我和客服的通话记录，帮我整理一下处理结果：

客服：您好，已经为您重置了登录密码，重置链接已经发送到您尾号 {r.randint(1000,9999)} 的手机上，有效期 30 分钟。
我：我没收到短信。
客服：请检查一下是否被拦截，或者十分钟后再试。为了安全，我们不会在电话里告知任何密码。
我：好的。那我的订单会不会受影响？
客服：不会，订单号 JD{r.randint(10**10,10**11)} 仍然正常配送。""", []


@T("transcript", "pl", "not_secret", "identifier")
def tr_order_numbers_pl(r):
    return f"""\
Zrób mi z tej rozmowy krótkie podsumowanie reklamacji:

Konsultant: Proszę podać numer zamówienia.
Klient: PL-{r.randint(10**6,10**7)}, zamówienie z 3 maja.
Konsultant: Dziękuję. Numer zgłoszenia reklamacyjnego to RK/{r.randint(2023,2024)}/{r.randint(1000,9999)}. Numer przesyłki zwrotnej: {r.randint(10**11,10**12)}.
Klient: A kiedy zwrot pieniędzy?
Konsultant: Do 14 dni od otrzymania paczki.""", []

# ===================================================================== ocr
@T("ocr", "en", "secret", "aws_access_key")
def ocr_iam_create_key(r):
    kid, sec = aws_key_id(r), aws_secret(r)
    return f"""\
I took a screenshot of the AWS console before closing it and ran it through OCR. Which of these do I put in ~/.aws/credentials and where?

IAM > Users > svc-reporting > Create access key
© Access key created
This is the only time that the secret access key can be viewed or downloaded. You cannot recover it later.
Access key | Secret access key
{kid} | {sec}  [ Show ]
Access key best practices
• Never store your access key in plain text, in a code repository, or in code.
[Download .csv file]   [Done]""", [("aws_access_key_id", kid), ("aws_secret_access_key", sec)]


@T("ocr", "de", "secret", "password")
def ocr_router_sticker_de(r):
    key = " ".join("%04d" % r.randint(0, 9999) for _ in range(5))
    return f"""\
Ich habe das Etikett unten an der FRITZ!Box abfotografiert und mit der Handy-App in Text umgewandelt. Welche Zahl muss ich am Laptop als WLAN-Passwort eingeben?

FRITZ!Box 7530 AX
Art.-Nr. 20002{r.randint(900,999)}
WLAN-Netzwerk (SSID): FRITZ!Box 7530 {rs(r,2,UP)}
WLAN-Netzwerkschlüssel: {key}
FRITZ!Box-Kennwort: siehe Kennwortaufkleber
S/N: {rs(r,4,UP+DG)}.{r.randint(100,999)}.{r.randint(10,99)}.{r.randint(100000,999999)}
CWMP-Account: {rs(r,12,UP+DG)}
CE Ⓒ AVM Berlin""", [("password", key)]


@T("ocr", "fr", "secret", "password")
def ocr_postit_fr(r):
    pw = pw_any(r, "fr")
    return f"""\
J'ai trouvé un post-it collé sous l'écran de l'ancienne comptable, je l'ai passé à l'OCR du téléphone. Tu peux m'aider à comprendre à quoi servent ces accès pour que je les fasse changer ?

Sage compta
ident : compta.cabinet
mdp compta : {pw}
banque → voir carnet
| ne pas jeter |""", [("password", pw)]


@T("ocr", "en", "secret", "openai_api_key")
def ocr_openai_save_key(r):
    key = openai_proj(r)
    return f"""\
I screenshotted the OpenAI dialog before closing it and ran it through Google Lens. Is the key complete or did it get cut off? Not sure the length is right.

Save your key
Please save your secret key in a safe place since you won't be able to view it again. Keep it secure, as anyone with your API key can make requests on your behalf.
{key}
[ Copy ]
Permissions
Read and write API resources
[ Done ]""", [("openai_api_key", key)]


@T("ocr", "zh", "secret", "github_pat")
def ocr_github_token_zh(r):
    tok = ghp(r)
    return f"""\
我把 GitHub 新建 token 页面截图用微信识图转成文字了，帮我看看这个 token 的权限够不够推送代码：

Personal access tokens (classic)
Make sure to copy your personal access token now. You won't be able to see it again!
✓ {tok}  ⧉
ci-deploy — repo, workflow
Expires on Thu, Sep 12 2024""", [("github_pat", tok)]


@T("ocr", "ru", "secret", "password")
def ocr_terminal_ru(r):
    pw = pw_any(r, "ru", "!%*+-?@^_.")
    return f"""\
Коллега прислал фото экрана с ошибкой, я распознал текст. Что значит эта ошибка?

root@srv-db-02:~# mysql -u root -p{pw} -e "SHOW SLAVE STATUS\\G" | grep -E 'Running|Error'
mysql: [Warning] Using a password on the command line interface can be insecure.
             Slave_IO_Running: Connecting
            Slave_SQL_Running: Yes
                Last_IO_Error: error connecting to master 'repl@10.0.5.11:3306' - retry-time: 60 retries: 1440 message: Can't connect to MySQL server on '10.0.5.11:3306' (110)
root@srv-db-02:~# _""", [("password", pw, "glued")]


@T("ocr", "ja", "secret", "password")
def ocr_whiteboard_ja(r):
    pw = pw_any(r, "ja")
    return f"""\
会議室のホワイトボードの写真を文字起こししました。来客向けの案内文を作ってください。

来客用Wi-Fi
SSID: Guest-5F-Meeting
PW: {pw}
※ 毎月1日に変更（総務）
プロジェクター入力 → HDMI 2""", [("password", pw)]


@T("ocr", "ko", "secret", "stripe_restricted_key")
def ocr_stripe_rk_ko(r):
    key = stripe_rk(r)
    return f"""\
스트라이프 대시보드 화면을 캡처해서 텍스트로 변환했어요. 이 제한된 키로 환불 API를 호출할 수 있는지 알려주세요.

API 키 > 제한된 키 만들기 완료
키 이름: 정산-리포트
{key}
권한: Charges 읽기 / Refunds 없음 / Balance 읽기
이 키를 안전한 곳에 보관하세요. 다시 표시되지 않습니다.""", [("stripe_restricted_key", key)]


# ---- ocr: negatives
@T("ocr", "en", "not_secret", "masked_key")
def ocr_masked_key_list(r):
    rows = "\n".join("%s   sk-...%s   %s   %s" % (n, rs(r, 4), d, u) for n, d, u in [
        ("support-bot", "Mar 3, 2024", "Jun 11, 2024"),
        ("eval-runner", "Apr 18, 2024", "Never"),
        ("old-prototype", "Nov 2, 2023", "Jan 5, 2024")])
    return f"""\
OCR of our OpenAI API keys page. Which of these can I delete safely? I don't want to break the support bot.

API keys
NAME   SECRET KEY   CREATED   LAST USED
{rows}
+ Create new secret key""", []


@T("ocr", "en", "not_secret", "serial_number")
def ocr_inverter_label(r):
    mac = ":".join(rs(r, 2, "0123456789ABCDEF") for _ in range(6))
    return f"""\
I photographed the rating plate of the solar inverter and ran OCR on it. Which number does the installer need to register it in the portal?

SUNNY TRIPOWER 10.0
Type: STP10.0-3AV-40
Serial No.: {r.randint(10**9, 10**10)}
MAC: {mac}
PIC: {rs(r,4,UP+DG)}-{rs(r,4,UP+DG)}-{rs(r,4,UP+DG)}
RID: {rs(r,8,UP+DG)}
WPA2-PSK: see label on rear
Made in Germany""", []


@T("ocr", "es", "not_secret", "request_id")
def ocr_error_dialog_es(r):
    return f"""\
Captura pasada por OCR del error que me da el portal de Hacienda al presentar el modelo 303. ¿Qué significa?

Se ha producido un error
No ha sido posible completar la presentación.
Código de error: 4{r.randint(100,999)}
Identificador de la petición: {uid(r)}
CSV de la sesión: {rs(r,16,UP+DG)}
Inténtelo de nuevo más tarde. Si el problema persiste, contacte con el soporte técnico indicando el identificador.
[ Aceptar ]""", []


@T("ocr", "pt", "not_secret", "redacted")
def ocr_login_form_pt(r):
    return f"""\
Texto extraído do print da tela de login do sistema da prefeitura. Por que aparece "sessão expirada" se acabei de entrar?

Portal do Servidor
CPF: ***.{r.randint(100,999)}.{r.randint(100,999)}-**
Senha: ••••••••••
[ ] Lembrar-me
[ Entrar ]
⚠ Sua sessão expirou. Faça login novamente.
Versão 4.{r.randint(1,9)}.{r.randint(10,99)}""", []


@T("ocr", "en", "not_secret", "certificate")
def ocr_cert_dialog(r):
    fp1 = " ".join(rs(r, 2, "0123456789ABCDEF") for _ in range(32))
    fp2 = " ".join(rs(r, 2, "0123456789ABCDEF") for _ in range(20))
    return f"""\
I took a screenshot of my bank's website certificate in the browser and OCR'd it. Is it normal that the issuer is different from yesterday?

Certificate Viewer: www.bancaesempio.it
Issued To
Common Name (CN) www.bancaesempio.it
Organization (O) Banca Esempio S.p.A.
Issued By
Common Name (CN) DigiCert Global G2 TLS RSA SHA256 2020 CA1
Validity Period
Issued On: Friday, March 15, 2024  Expires On: Friday, March 14, 2025
SHA-256 Fingerprints
Certificate {fp1}
SHA-1 {fp2}""", []


@T("ocr", "tr", "not_secret", "redacted")
def ocr_wifi_settings_tr(r):
    return f"""\
Telefondaki Wi-Fi ayarları ekranının görüntüsünü metne çevirdim. Neden "İnternet yok" diyor?

Wi-Fi
✓ Ev_Internet_5G
Güvenlik: WPA2/WPA3-Personal
Şifre: ••••••••••••  [Şifreyi göster]
IP adresi: 192.168.1.{r.randint(20,200)}
Ağ geçidi: 192.168.1.1
DNS: 192.168.1.1
MAC adresi: Rastgele MAC kullan
⚠ Bağlı, internet yok""", []


@T("ocr", "uk", "not_secret", "version_string")
def ocr_about_dialog_uk(r):
    return f"""\
Розпізнаний текст з вікна «Про програму» бухгалтерської програми. Чи це остання версія і чи треба оновлюватися?

M.E.Doc
Версія: 11.02.{r.randint(100,199)}
Збірка: {r.randint(10000,99999)} від 2{r.randint(0,9)}.0{r.randint(1,9)}.2024
Ідентифікатор збірки: {hexs(r,12)}
Номер ліцензії: {r.randint(10**7,10**8)}
© ТОВ «Інтелект-Сервіс»
[ Перевірити оновлення ]""", []

# ===================================================================== url
@T("url", "en", "secret", "slack_webhook")
def url_slack_webhook(r):
    hook = slack_webhook(r)
    return f"""\
This Slack webhook returns "invalid_payload" and I can't see why, the JSON looks fine to me:

curl -X POST -H 'Content-type: application/json' \\
  --data '{{"text": "Deploy finished", "attachments": [{{"color": "good", "text": "api v3.2.1 → prod"}}], }}' \\
  {hook}

Is it the trailing comma?""", [("slack_webhook", hook)]


@T("url", "en", "secret", "discord_webhook")
def url_discord_webhook(r):
    hook = discord_webhook(r)
    return f"""\
Uptime Kuma stopped sending notifications to Discord. If I open the webhook in the browser I get JSON back, so it still exists:

{hook}

{{"type": 1, "id": "{r.randint(10**17, 10**18)}", "name": "Server Status", "channel_id": "{r.randint(10**17, 10**18)}", "guild_id": "{r.randint(10**17, 10**18)}"}}

The test button in Uptime Kuma says: "Error: Request failed with status code 429". What does that mean?""", [("discord_webhook", hook)]


@T("url", "en", "secret", "teams_webhook")
def url_teams_webhook(r):
    hook = teams_webhook(r, "groupe" + rs(r, 4, LO))
    return f"""\
The Teams connector for our monitoring returns "400 Bad Request – Summary or Text is required". Here are the webhook URL and the JSON I send:

URL: {hook}

{{
  "@type": "MessageCard",
  "title": "Disk full alert on srv-files",
  "sections": [{{ "activityTitle": "Usage: 97 %" }}]
}}

Do I need to add a summary field?""", [("teams_webhook", hook)]


@T("url", "en", "secret", "azure_sas_token")
def url_azure_sas(r):
    sig = b64url(bytes(r.getrandbits(8) for _ in range(32))).replace("-", "%2B").replace("_", "%2F") + "%3D"
    acct = "facturas" + rs(r, 4, LO + DG)
    return f"""\
This SAS link for downloading invoices works in my browser but the customer gets "AuthorizationFailure". Does it expire or what?

https://{acct}.blob.core.windows.net/clientes/2024/T2/factura-{r.randint(1000,9999)}.pdf?sp=r&st=2024-06-01T08:00:00Z&se=2024-06-30T20:00:00Z&spr=https&sv=2022-11-02&sr=b&sig={sig}

The storage account firewall only allows our IPs, not sure if that matters.""", [("azure_sas_token", sig)]


@T("url", "en", "secret", "google_api_key")
def url_geocoding_log(r):
    key = google_key(r)
    return f"""\
Our backend log shows this request failing for some addresses. Quota limit? The key is the server one, no referrer restriction.

2024-05-{r.randint(10,28)} 16:22:{r.randint(10,59)} WARN  geocoder  GET https://maps.googleapis.com/maps/api/geocode/json?address=Rua+Augusta%2C+1500%2C+S%C3%A3o+Paulo&region=br&key={key} -> 200 {{"status":"OVER_QUERY_LIMIT","results":[]}}

We process about 40k deliveries a day.""", [("google_api_key", key)]


@T("url", "en", "secret", "facebook_access_token")
def url_graph_access_token(r):
    tok = facebook_token(r)
    return f"""\
The Graph API call to read the page's messages returns "(#10) This endpoint requires the 'pages_messaging' permission". The URL I'm using:

https://graph.facebook.com/v19.0/{r.randint(10**14, 10**15)}/conversations?fields=messages{{message,from}}&access_token={tok}

I generated the token in the Graph API Explorer after selecting the pizzeria's page. Do I have to go through app review?""", [("facebook_access_token", tok)]


@T("url", "en", "secret", "gitlab_pipeline_trigger_token")
def url_gitlab_trigger(r):
    tok = glptt(r)
    return f"""\
Why doesn't this trigger start a pipeline? I do get a 201 back.

curl -X POST "https://gitlab.com/api/v4/projects/{r.randint(10**7, 10**8)}/trigger/pipeline?token={tok}&ref=main&variables[ENVIRONMENT]=acceptance"

{{"id":{r.randint(10**9, 2*10**9)},"status":"created","ref":"main","web_url":"https://gitlab.com/webbureau-delta/customer-portal/-/pipelines/..."}}

In the UI I see the pipeline appear but 0 jobs run. Is that a 'rules' thing?""", [("gitlab_pipeline_trigger_token", tok)]


@T("url", "en", "secret", "password")
def url_nexus_userinfo(r):
    pw = pw_any(r, "pl", SAFE)
    return f"""\
Why can't pip fetch packages from our Nexus when the same URL works in the browser?

pip install --index-url https://deployer:{pw}@nexus.firma.pl/repository/pypi-group/simple/ reporting==1.4.2

Looking in indexes: https://deployer:****@nexus.firma.pl/repository/pypi-group/simple/
WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate'))'

Nexus has a certificate from our internal CA.""", [("password", pw)]


@T("url", "en", "secret", "telegram_bot_token")
def url_telegram_sendmessage(r):
    tok = telegram_token(r)
    return f"""\
Why does this request from our monitoring script return "Bad Request: chat not found"? The bot is in the group.

https://api.telegram.org/bot{tok}/sendMessage?chat_id=-{r.randint(10**9, 10**10)}&text=Server%20down

The group was recently converted to a supergroup, if that matters.""", [("telegram_bot_token", tok, "glued")]


@T("url", "en", "secret", "api_key")
def url_openweather(r):
    key = hexs(r, 32)
    return f"""\
Calling this weather API from my React Native app returns 401 "Invalid API key", but pasting it into the browser works. Why?

https://api.openweathermap.org/data/2.5/weather?q=Hanoi,vn&units=metric&lang=vi&appid={key}

I created the key on my personal OpenWeather account, free plan.""", [("api_key", key)]


# ---- url: negatives
@T("url", "en", "not_secret", "placeholder")
def url_webhook_placeholder(r):
    return f"""\
The README of this GitHub Action says to set the webhook like below. Do I replace the whole URL or just the X's?

- uses: acme/notify-slack@v2
  with:
    webhook-url: https://hooks.slack.com/services/XXXXXXXXX/XXXXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX
    channel: "#deploys\"""", []


@T("url", "en", "not_secret", "identifier")
def url_tracking_params(r):
    return f"""\
The links in our newsletter are ridiculously long. Which parameters can I drop without breaking tracking?

https://www.gartenwelt-shop.de/rasenmaeher/akku?utm_source=newsletter&utm_medium=email&utm_campaign=spring24&utm_content=teaser-2&mc_cid={hexs(r,10)}&mc_eid={hexs(r,10)}&gclid={rs(r,40,B64U)}&_ga=2.{r.randint(10**8,10**9)}.{r.randint(10**8,10**9)}.{r.randint(10**9,2*10**9)}-{r.randint(10**8,10**9)}.{r.randint(10**9,2*10**9)}""", []


@T("url", "en", "not_secret", "public_client_key")
def url_maps_js_restricted(r):
    key = google_key(r)
    return f"""\
The Google map on our contact page shows "This page can't load Google Maps correctly". The key is restricted to HTTP referrers *.gites-du-vercors.fr/* and to the Maps JavaScript API only:

<script async
  src="https://maps.googleapis.com/maps/api/js?key={key}&callback=initMap&language=fr">
</script>

The browser console says RefererNotAllowedMapError. We're testing from https://preprod.gites-du-vercors.fr.""", []


@T("url", "en", "not_secret", "redacted")
def url_sas_redacted(r):
    return f"""\
Here's the link our app generates (I removed the signature). Why is se= in UTC and not Madrid time?

https://docsclientes.blob.core.windows.net/contratos/{uid(r)}.pdf?sv=2022-11-02&sr=b&sp=r&st=2024-07-01T10:00:00Z&se=2024-07-01T11:00:00Z&sig=REDACTED""", []


@T("url", "en", "not_secret", "identifier")
def url_oauth_authorize(r):
    return f"""\
Redirecting to the OAuth authorize URL gives "redirect_uri_mismatch". What's different?

https://accounts.google.com/o/oauth2/v2/auth?client_id={r.randint(10**11,10**12)}-{rs(r,32,LO+DG)}.apps.googleusercontent.com&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fauth%2Fcallback&response_type=code&scope=openid%20email&state={rs(r,22,B64U)}&code_challenge={rs(r,43,B64U)}&code_challenge_method=S256

In the Google Cloud console I registered http://localhost:3000/auth/callback/""", []


@T("url", "en", "not_secret", "git_sha")
def url_raw_github_sha(r):
    sha = hexs(r, 40)
    return f"""\
Our install script downloads a file from this URL and sometimes gets a 404. I pinned it to a commit hash, so why?

curl -fsSL https://raw.githubusercontent.com/hangang-dev/infra-scripts/{sha}/bootstrap/install.sh | bash

The repo is public and the commit was on main, but there was a force push recently.""", []


@T("url", "en", "not_secret", "secret_reference")
def url_env_template(r):
    return f"""\
The URL in my config file isn't getting the env var substituted, the request literally goes out with ${{AMAP_KEY}} in it. Why?

# config.yaml
geo:
  endpoint: "https://restapi.amap.com/v3/geocode/geo?address={{address}}&key=${{AMAP_KEY}}"
  timeout: 3s

I read the config with Go's viper and I do call viper.AutomaticEnv().""", []


@T("url", "cs", "not_secret", "placeholder")
def url_userinfo_placeholder_cs(r):
    return f"""\
V návodu k naší zálohovací službě je napsáno, že mám nastavit cíl takhle. Co přesně mám dosadit za uzivatel a heslo?

Cíl zálohy (WebDAV):
https://UZIVATEL:HESLO@zaloha.poskytovatel.cz/remote.php/dav/files/UZIVATEL/

Poznámka v návodu: „Místo HESLO použijte heslo aplikace vygenerované v nastavení účtu, ne heslo k účtu.“""", []

# ================================================================== device
@T("device", "en", "secret", "password")
def dev_home_wifi_printer(r):
    pw = pw_any(r, "en")
    return f"""\
My new Brother printer won't join the Wi-Fi. It sees the network but says "Connection failed: wrong password". Here's my note from the router setup, I'm typing exactly this:

Home network
SSID: NETGEAR{r.randint(10,99)}-5G  (the printer only shows NETGEAR{r.randint(10,99)}, no 5G?)
Wi-Fi password: {pw}
router login: http://192.168.1.1 (routerlogin.net)

Could the 5G thing be the problem?""", [("password", pw)]


@T("device", "en", "secret", "password")
def dev_ipcam_rtsp(r):
    pw = pw_any(r, "de", SAFE)
    return f"""\
I want to add my Reolink camera's stream to Frigate but ffmpeg says "401 Unauthorized". The config:

cameras:
  driveway:
    ffmpeg:
      inputs:
        - path: rtsp://admin:{pw}@192.168.178.{r.randint(20,90)}:554/h264Preview_01_main
          roles: [detect, record]

The exact same URL works in VLC. Is it the special character in the password?""", [("password", pw)]


@T("device", "en", "secret", "password")
def dev_synology_nas(r):
    pw = pw_any(r, "fr")
    return f"""\
My Synology NAS isn't reachable from outside since I changed internet box. Here are my setup notes, what do I need to redo?

Home NAS – DS220+
Local address: 192.168.1.{r.randint(20,90)}:5001
QuickConnect: famille-{rs(r,6,LO)}
Admin account: nas-admin / {pw}
Ports opened on the old box: 5001, 6690 (Drive)
DDNS: {rs(r,8,LO)}.synology.me""", [("password", pw)]


@T("device", "en", "secret", "password")
def dev_esp32_sketch(r):
    pw = pw_any(r, "es")
    return f"""\
My ESP32 won't connect to WiFi, it just keeps printing dots in the serial monitor forever. What's wrong?

#include <WiFi.h>

const char* ssid = "MOVISTAR_{rs(r,4,UP+DG)}";
const char* password = "{pw}";

void setup() {{
  Serial.begin(115200);
  WiFi.begin(ssid, password);
  while (WiFi.status() != WL_CONNECTED) {{
    delay(500);
    Serial.print(".");
  }}
  Serial.println(WiFi.localIP());
}}

The router does 5 GHz and 2.4 GHz with the same name.""", [("password", pw)]


@T("device", "it", "secret", "password")
def dev_printer_admin_it(r):
    pw = pw_any(r, "it")
    return f"""\
La multifunzione dell'ufficio non invia più le scansioni via e-mail. Ho questi appunti dal tecnico che l'ha installata:

Kyocera TASKalfa – ufficio 2° piano
Pannello web: https://192.168.10.{r.randint(20,90)}
Utente amministratore: Admin
Password amministratore: {pw}
SMTP: smtp.aruba.it porta 465, mittente scanner@studiobellini.it

Da quando Aruba ha cambiato qualcosa a marzo non va più. Cosa controllo?""", [("password", pw)]


@T("device", "nl", "secret", "home_assistant_token")
def dev_raspberry_nl(r):
    tok = jwt(r, {"alg": "HS256", "typ": "JWT"},
              {"iss": hexs(r, 32), "iat": 1710000000 + r.randint(0, 9999999), "exp": 2025000000 + r.randint(0, 99999999)}, 43)
    return f"""\
Mijn scriptje dat de zonnepanelen uitleest kan na de update van Home Assistant geen sensoren meer opvragen: "401: Unauthorized". Dit is het:

import requests

HA_URL = "http://homeassistant.local:8123"
HA_TOKEN = "{tok}"

r = requests.get(f"{{HA_URL}}/api/states/sensor.omvormer_vermogen",
                 headers={{"Authorization": f"Bearer {{HA_TOKEN}}"}}, timeout=5)
print(r.status_code, r.text)

Het token heb ik vorig jaar aangemaakt onder Profiel → Langlevende toegangstokens. Verlopen die?""", [("home_assistant_token", tok)]


@T("device", "tr", "secret", "password")
def dev_modem_tr(r):
    pw = pw_any(r, "tr")
    return f"""\
Modemin arayüzüne giremiyorum, "Kullanıcı adı veya şifre hatalı" diyor. Kurulumdan kalan notum şu:

TP-Link Archer – salon
Arayüz: 192.168.0.1
Kullanıcı: admin
Şifre: {pw}
Wi-Fi adı: Yildiz_Ev

Teknisyen fabrika ayarlarına döndürmüş olabilir mi?""", [("password", pw)]


@T("device", "vi", "secret", "pin")
def dev_smart_lock_vi(r):
    code = pin(r, 6)
    return f"""\
Khóa cửa thông minh ở căn hộ cho thuê bị báo "pin yếu" và không nhận mã nữa. Ghi chú của mình:

Khóa Kaadas – phòng 302
Mã mở cửa cho khách: {code}#
Mã quản trị: đã đổi, xem sổ
Pin: 8 viên AA, thay lần cuối tháng 1

Có cách nào mở cửa khi hết pin không?""", [("pin", code)]


# ---- device: negatives
@T("device", "en", "not_secret", "doc_default_credential")
def dev_default_creds_manual(r):
    return f"""\
The quick start guide for my new IP camera says to log in at http://192.168.1.108 with the default user "admin" and password "admin", and that it will force a new password on first login. I did that, but now the app says "device offline". Is it because I haven't set up the cloud thing yet?""", []


@T("device", "en", "not_secret", "wifi_ssid")
def dev_ssid_mac(r):
    mac = ":".join(rs(r, 2, "0123456789ABCDEF") for _ in range(6))
    return f"""\
My robot vacuum can't find the Wi-Fi. This is the info from the router's web interface:

Wireless network name (SSID): Familie-Weber
Band: 2.4 GHz and 5 GHz (same name)
Encryption: WPA2 + WPA3
Robot's MAC address: {mac}
Restrict Wi-Fi access to known devices: enabled

I've checked the password three times. Could it be the MAC filtering?""", []


@T("device", "en", "not_secret", "identifier")
def dev_ble_uuids(r):
    return f"""\
I'm writing an app that reads a BLE temperature sensor. nRF Connect shows me this – which one do I read the temperature from?

Unknown Service
UUID: {uid(r)}
  Characteristic: {uid(r)}  Properties: READ, NOTIFY
  Characteristic: {uid(r)}  Properties: WRITE
Battery Service
UUID: 0000180f-0000-1000-8000-00805f9b34fb
Device address: {":".join(rs(r,2,"0123456789ABCDEF") for _ in range(6))}""", []


@T("device", "en", "not_secret", "secret_reference")
def dev_secrets_h_ref(r):
    return f"""\
I moved the WiFi credentials into a separate file so they don't end up on GitHub, but now the sketch doesn't compile: "WIFI_PASS was not declared in this scope". What did I do wrong?

// main.ino
#include <WiFi.h>
#include "secrets.h"   // not in the repo (.gitignore)

void setup() {{
  WiFi.begin(WIFI_SSID, WIFI_PASS);
}}

secrets.h is in the /include folder of the PlatformIO project.""", []


@T("device", "en", "not_secret", "hash")
def dev_firmware_checksum(r):
    return f"""\
I downloaded the new router firmware and the support page lists these values. How do I check on Windows that the file is intact before flashing?

Firmware: RE-AX3000_v1.2.7_build{r.randint(20240000,20249999)}.bin
Size: {r.randint(20,40)}.{r.randint(1,9)} MB
MD5: {hexs(r,32)}
SHA-256: {sha256(r)}""", []


@T("device", "ru", "not_secret", "redacted")
def dev_wifi_qr_redacted_ru(r):
    return f"""\
Я сделал QR-код для гостевого Wi-Fi на даче, вот строка, которую в него зашил (пароль тут замазал звёздочками, в настоящем коде он есть). Почему айфоны его не понимают, а андроиды понимают?

WIFI:T:WPA;S:Dacha Gosti;P:**********;H:false;;

Может, из-за пробела в названии сети?""", []


@T("device", "zh", "not_secret", "serial_number")
def dev_serials_zh(r):
    return f"""\
帮我把这几台设备整理成资产登记表（Excel 格式的列）：

1. 海康威视摄像头 DS-2CD3T46WDV3，序列号 {rs(r,9,UP+DG)}，MAC {":".join(rs(r,2,"0123456789abcdef") for _ in range(6))}，安装在仓库门口
2. 华为路由器 AX3 Pro，SN：{rs(r,16,UP+DG)}，办公室
3. 群晖 NAS DS923+，序列号 {rs(r,10,UP+DG)}，机柜第二层
4. UPS 山特 C3K，编号 {r.randint(10**9,10**10)}""", []


# ================================================================== family
@T("family", "en", "secret", "password")
def fam_netflix_mum(r):
    pw = pw_any(r, "en")
    return f"""\
My mum sent me this and I don't know how to set up Netflix on her new TV, can you give me simple steps I can read to her over the phone?

Mum: hi love the new tv is here!! it says sign in
Mum: netflix email is margaret.hollis{r.randint(50,70)}@btinternet.com
Mum: password {pw}
Mum: or is it the one with the dog's name? no it's that one
Mum: xx""", [("password", pw)]


@T("family", "de", "secret", "pin")
def fam_bank_pin_oma(r):
    code = pin(r, 5)
    return f"""\
Meine Oma hat mir das per WhatsApp geschickt, weil sie nicht mehr in ihre Sparkassen-App kommt. Wie kann ich ihr helfen, ohne dass sie mir ständig ihre Daten schickt?

Oma Hilde: Schatz die App geht nicht mehr
Oma Hilde: Anmeldename steht auf dem Brief, die PIN für die App ist {code}
Oma Hilde: es kommt immer „Ihr Zugang wurde gesperrt“
Oma Hilde: kannst du am Sonntag vorbeikommen""", [("pin", code)]


@T("family", "fr", "secret", "password")
def fam_icloud_papa(r):
    pw = pw_any(r, "fr")
    return f"""\
Mon père m'a envoyé ça par SMS pour que je récupère ses photos iCloud sur son nouveau téléphone. Comment je fais le transfert de l'ancien iPhone vers le nouveau ?

Papa : identifiant Apple c'est jp.garnier{r.randint(40,79)}@orange.fr
Papa : le mot de passe {pw}
Papa : le code à 6 chiffres arrive sur l'ancien téléphone je crois
Papa : bisous""", [("password", pw)]


@T("family", "es", "secret", "password")
def fam_gmail_abuela(r):
    pw = pw_any(r, "es")
    return f"""\
Mi abuela me escribió esto por WhatsApp porque no puede entrar al correo. ¿Cómo le activo la verificación en dos pasos sin liarla?

Abuela Carmen: Hola cariño, no me deja entrar al gmail
Abuela Carmen: el correo es carmenruiz.{r.randint(1940,1955)}@gmail.com
Abuela Carmen: la contraseña es {pw}
Abuela Carmen: me sale que hay que confirmar con el teléfono pero el teléfono es este""", [("password", pw)]


@T("family", "pt", "secret", "password")
def fam_disney_familia(r):
    pw = pw_any(r, "pt")
    return f"""\
Minha irmã mandou no grupo da família. Quantas telas o plano do Disney+ permite ao mesmo tempo? Não quero que ninguém seja desconectado.

Grupo "Família Souza 🏠"
Júlia: gente, pra quem quer ver a série nova
Júlia: Disney+ → email: familiasouza.streaming@gmail.com
Júlia: senha: {pw}
Júlia: não mudem a senha por favor 🙏
Tio Beto: valeu!""", [("password", pw)]


@T("family", "pl", "secret", "pin")
def fam_bank_app_pl(r):
    code = pin(r, 4)
    return f"""\
Tata wysłał mi SMS-a, bo nie pamięta, jak się loguje do aplikacji banku. Jak mogę mu pomóc ustawić logowanie odciskiem palca?

Tata: synu jak to było w tej aplikacji mBanku
Tata: pin do aplikacji {code} ale mówi że zły
Tata: a identyfikator jest w szufladzie na kartce
Tata: zadzwoń wieczorem""", [("pin", code)]


@T("family", "uk", "secret", "password")
def fam_ukrnet_mama(r):
    pw = pw_any(r, "uk")
    return f"""\
Мама переслала мені це у Вайбері. Як їй налаштувати пошту ukr.net на новому телефоні, щоб не вводити пароль щоразу?

Мама: Синку, пошта не відкривається на новому телефоні
Мама: адреса olena.kovalenko{r.randint(60,75)}@ukr.net
Мама: пароль {pw}
Мама: пише «невірний логін або пароль», але я ж правильно пишу""", [("password", pw)]


@T("family", "ko", "secret", "password")
def fam_cert_password_ko(r):
    pw = pw_any(r, "ko")
    return f"""\
아버지가 카톡으로 보내신 건데, 새 노트북에 공동인증서를 옮기는 방법을 알려주세요.

아버지: 인증서 비밀번호 {pw}
아버지: 국민은행 인터넷뱅킹이다
아버지: 예전 컴퓨터는 고장나서 못 켜
아버지: 주말에 좀 봐줘""", [("password", pw)]


# ---- family: negatives
@T("family", "en", "not_secret", "password_hint")
def fam_hint_only(r):
    return f"""\
My brother sent me this about the shared Amazon account. How do I add myself as a household member instead of using his login?

Jake: amazon login is my email
Jake: password's the usual one, dog's name plus the year we moved to Leeds
Jake: don't change the delivery address again lol""", []


@T("family", "de", "not_secret", "reset_notice")
def fam_reset_de(r):
    return f"""\
Kannst du mir helfen, meinem Vater zu antworten? Er versteht nicht, was passiert ist:

Papa: Ich habe auf „Passwort vergessen“ bei web.de gedrückt
Papa: jetzt kam eine Mail mit einem Link, das alte Passwort geht nicht mehr
Papa: muss ich jetzt ein neues ausdenken?? Was soll ich nehmen

Ich möchte ihm erklären, wie er ein sicheres Passwort findet, ohne dass er es mir schickt.""", []


@T("family", "it", "not_secret", "username")
def fam_username_it(r):
    return f"""\
Mia zia mi ha scritto così, cosa devo fare per recuperarle l'accesso allo SPID?

Zia Rosa: ciao tesoro, non entro più nello SPID di Poste
Zia Rosa: il nome utente è rosa.esposito{r.randint(1950,1965)}@libero.it
Zia Rosa: la password non me la ricordo, ho provato tre volte
Zia Rosa: mi serve per il fascicolo sanitario""", []


@T("family", "nl", "not_secret", "security_advice")
def fam_2fa_advice_nl(r):
    return f"""\
Ik wil mijn ouders een berichtje sturen over oplichting via WhatsApp. Klopt dit en kun je het korter maken?

"Lieve pap en mam, let op: de bank, DigiD of wij (jullie kinderen) vragen NOOIT om een inlogcode, pincode of sms-code door te sturen. Krijgen jullie een bericht van 'je zoon met een nieuw nummer' die geld vraagt? Eerst bellen naar het oude nummer. Codes die je per sms krijgt, typ je alleen zelf in de app in, nooit doorsturen.\"""", []


@T("family", "ja", "not_secret", "out_of_band_notice")
def fam_fridge_memo_ja(r):
    return f"""\
母からの LINE です。返信の文面を考えてください。

母：Wi-Fiのパスワード、冷蔵庫に貼ってあるメモを見てね
母：ルーターの裏にも書いてあるから
母：おばあちゃんが来たら繋げてあげて

母に「写真で送って」と頼むべきか迷っています。""", []


@T("family", "vi", "not_secret", "account_number")
def fam_bank_account_vi(r):
    return f"""\
Mẹ nhắn tin nhờ mình chuyển tiền học cho em. Số tài khoản này có cần giữ bí mật không, mình gửi cho người khác được không?

Mẹ: Con chuyển giúp mẹ tiền học kỳ cho em nhé
Mẹ: Ngân hàng Vietcombank chi nhánh Hà Nội
Mẹ: Số tài khoản {r.randint(10**12, 10**13)}
Mẹ: Chủ tài khoản TRUONG DAI HOC BACH KHOA
Mẹ: Nội dung: MSSV {r.randint(2021,2024)}{r.randint(1000,9999)} hoc phi HK1""", []


@T("family", "tr", "not_secret", "identifier")
def fam_cargo_tracking_tr(r):
    return f"""\
Annem kargo takip numarasını gönderdi ama sitede bulamıyorum. Numaranın formatı doğru mu?

Annem: Yurtiçi Kargo ile gönderdim
Annem: takip no {r.randint(10**11, 10**12)}
Annem: gönderi kodu {rs(r,3,UP)}{r.randint(10**6,10**7)}
Annem: içinde kışlık montlar var""", []


# =================================================================== build
ASCII_WORD = set(string.ascii_letters + string.digits + "_")


def mark(name, text, secrets):
    seen = {}
    for s in secrets:
        etype, value = s[0], s[1]
        glued = len(s) > 2 and s[2] == "glued"
        if value in seen:
            assert seen[value][0] == etype, (name, value)
            continue
        seen[value] = (etype, glued)
    ents = []
    for value, (etype, glued) in seen.items():
        assert value and value == value.strip(), (name, value)
        assert value not in DOC_EXAMPLES, (name, value)
        start = text.find(value)
        assert start >= 0, (name, "value not in text", value)
        while start >= 0:
            end = start + len(value)
            if not glued and value[0] in ASCII_WORD and start > 0:
                assert text[start - 1] not in ASCII_WORD, (name, "glued left", value)
            if value[-1] in ASCII_WORD and end < len(text):
                assert text[end] not in ASCII_WORD, (name, "glued right", value)
            ents.append({"type": etype, "start": start, "end": end, "value": value})
            start = text.find(value, start + 1)
    ents.sort(key=lambda e: (e["start"], e["end"]))
    return ents


def build_rows():
    names = [t["name"] for t in TEMPLATES]
    assert len(names) == len(set(names)), "duplicate template name"
    built = []
    for t in TEMPLATES:
        r = random.Random(SEED + "/" + t["name"])
        text, secrets = t["fn"](r)
        if t["label"] == "not_secret":
            assert not secrets, t["name"]
        ents = mark(t["name"], text, secrets)
        built.append((t, text, ents))
    order = list(range(len(built)))
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, k in enumerate(order):
        t, text, ents = built[k]
        rows.append({
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": t["type"],
            "entities": ents,
            "spans_known": True,
            "source": {"repo": REPO},
        })
        meta.append(t)
    return rows, meta


def serialize(rows):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def validate(rows, meta):
    assert len(rows) == len(TEMPLATES) and 230 <= len(rows) <= 250, len(rows)
    texts = set()
    for i, (row, t) in enumerate(zip(rows, meta)):
        assert list(row) == ["id", "text", "label", "type", "entities", "spans_known", "source"]
        assert row["id"] == "%s%03d" % (ID_PREFIX, i)
        assert row["source"] == {"repo": REPO} and row["spans_known"] is True
        text = row["text"]
        assert text not in texts, ("duplicate text", row["id"])
        texts.add(text)
        assert text == text.strip(), row["id"]
        ents = row["entities"]
        if row["label"] == "not_secret":
            assert ents == [], row["id"]
        else:
            assert row["label"] == "secret" and ents, row["id"]
        prev_end = -1
        for e in ents:
            assert list(e) == ["type", "start", "end", "value"]
            s, en, v = e["start"], e["end"], e["value"]
            assert 0 <= s < en <= len(text), row["id"]
            assert text[s:en] == v, (row["id"], v)
            assert v == v.strip(), (row["id"], v)
            assert s >= prev_end, ("overlap", row["id"])
            assert v not in DOC_EXAMPLES, row["id"]
            prev_end = en
        spans = {(e["start"], e["end"]) for e in ents}
        for v in {e["value"] for e in ents}:
            p = text.find(v)
            while p >= 0:
                assert (p, p + len(v)) in spans, ("uncovered occurrence", row["id"], v)
                p = text.find(v, p + 1)
    n = len(rows)
    sec = sum(1 for row in rows if row["label"] == "secret")
    assert 0.50 <= sec / n <= 0.57, sec / n
    non_en = sum(1 for t in meta if t["lang"] != "en")
    assert 0.35 <= non_en / n <= 0.50, non_en / n
    pw = sum(1 for row in rows if row["label"] == "secret" and row["type"] in ("password", "password_spelled", "pin"))
    assert 0.35 <= pw / sec <= 0.50, pw / sec


def stats(rows, meta):
    n = len(rows)
    lab = collections.Counter(row["label"] for row in rows)
    sec = lab["secret"]
    non_en = sum(1 for t in meta if t["lang"] != "en")
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], sec, 100.0 * sec / n))
    print("non-English rows: %d (%.1f%%)" % (non_en, 100.0 * non_en / n))
    print("templates: %d (each used once)" % len(TEMPLATES))
    pw = sum(1 for row in rows if row["label"] == "secret" and row["type"] in ("password", "password_spelled", "pin"))
    print("human-password rows (password, password_spelled, pin): %d of %d secret rows (%.1f%%)" % (pw, sec, 100.0 * pw / sec))
    print()
    print("%-20s %7s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for row, t in zip(rows, meta) if t["group"] == g and row["label"] == "secret")
        ns = sum(1 for row, t in zip(rows, meta) if t["group"] == g and row["label"] == "not_secret")
        print("  %-18s %7d %11d %6d" % (g, s, ns, s + ns))
    print()
    print("%-20s %7s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for code, lname in LANGS.items():
        s = sum(1 for row, t in zip(rows, meta) if t["lang"] == code and row["label"] == "secret")
        ns = sum(1 for row, t in zip(rows, meta) if t["lang"] == code and row["label"] == "not_secret")
        if s + ns:
            print("  %-18s %7d %11d %6d" % (code + " " + lname, s, ns, s + ns))
    for label in ("secret", "not_secret"):
        c = collections.Counter(row["type"] for row in rows if row["label"] == label)
        print()
        print("row type (%s, %d kinds):" % (label, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))
    c = collections.Counter(e["type"] for row in rows for e in row["entities"])
    print()
    print("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-34s %d" % (k, v))


def main(argv):
    rows, meta = build_rows()
    validate(rows, meta)
    data = serialize(rows)
    if "--check" in argv:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data.encode("utf-8"):
            print("MISMATCH: %s differs from a fresh build" % OUT)
            return 1
        reparsed = [json.loads(line) for line in old.decode("utf-8").splitlines()]
        validate(reparsed, meta)
        print("OK: %s matches a fresh build byte for byte (%d rows)" % (OUT, len(rows)))
        return 0
    if "--stats" in argv:
        stats(rows, meta)
        return 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    with open(OUT, encoding="utf-8") as f:
        reparsed = [json.loads(line) for line in f]
    validate(reparsed, meta)
    print("wrote %s: %d rows, validated" % (OUT, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
