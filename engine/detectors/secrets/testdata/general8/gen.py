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
    return r.choice([w + d + s, w + s + d, s + w + d, w.lower() + d + s])


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


def D(s):
    """Dedent a triple-quoted block and strip the leading newline."""
    import textwrap
    return textwrap.dedent(s).strip("\n")


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


@T("error", "de", "secret", "password")
def err_jdbc_mysql(r):
    pw = pw_word(r, "de", SAFE)
    return f"""\
Hallo, unser Spring-Boot-Dienst startet seit dem Umzug auf den neuen Server nicht mehr. Im Log steht das hier, ich verstehe nicht, warum der Zugriff verweigert wird – Benutzer und Passwort stimmen doch:

2024-03-{r.randint(10,28)} 07:41:{r.randint(10,59)}.118 ERROR 1 --- [main] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Exception during pool initialization.
java.sql.SQLException: Access denied for user 'lager'@'{ip_private(r)}' (using password: YES)
	at com.mysql.cj.jdbc.exceptions.SQLError.createSQLException(SQLError.java:130)
	at com.mysql.cj.jdbc.ConnectionImpl.createNewIO(ConnectionImpl.java:828)
Caused by: jdbc:mysql://mysql-lager.intern:3306/lagerverwaltung?user=lager&password={pw}&useSSL=false&serverTimezone=Europe/Berlin

Muss ich auf dem MySQL-Server noch etwas freischalten, weil sich die IP geändert hat?""", [("password", pw)]


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


@T("error", "ko", "secret", "groq_api_key")
def err_groq_debug(r):
    key = groq_key(r)
    return f"""\
Groq API를 LangChain으로 호출하는데 계속 401이 떠요. verbose 켰더니 이렇게 나옵니다. 키는 방금 콘솔에서 새로 만든 건데 왜 안 될까요?

[llm/start] [1:llm:ChatGroq] Entering LLM run with input: {{"prompts": ["Human: 요약해줘"]}}
DEBUG:groq._base_client:Request options: {{'method': 'post', 'url': '/openai/v1/chat/completions', 'headers': {{'Authorization': 'Bearer {key}'}}}}
DEBUG:groq._base_client:HTTP Response: POST https://api.groq.com/openai/v1/chat/completions "401 Unauthorized"
groq.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Invalid API Key', 'type': 'invalid_request_error', 'code': 'invalid_api_key'}}}}

환경 변수에 예전 키가 남아 있어서 덮어쓰는 걸까요?""", [("groq_api_key", key)]


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


@T("error", "de", "not_secret", "masked_key")
def err_openai_masked(r):
    tail = rs(r, 4)
    return f"""\
Ich bekomme von der OpenAI-API immer „Incorrect API key provided“, obwohl ich den Schlüssel gerade erst erzeugt habe. Die Fehlermeldung:

openai.AuthenticationError: Error code: 401 - {{'error': {{'message': 'Incorrect API key provided: sk-proj-********************************************************************************{tail}. You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}}}

Die letzten vier Zeichen ({tail}) passen zu dem Schlüssel in meiner .env. Kann es an der Organisation oder am Projekt liegen?""", []


@T("error", "en", "not_secret", "request_id")
def err_aws_expired(r):
    return f"""\
Every morning my first `terraform plan` fails with this and then it works after I re-run aws sso login. Can I make the session last longer?

Error: reading S3 Bucket (acme-tf-state-{r.randint(100000,999999)}): operation error S3: HeadBucket, https response error StatusCode: 400, RequestID: {rs(r,16,UP+DG)}, HostID: {rs(r,76,B64)}=, api error ExpiredToken: The provided token has expired.

Error: retrieving caller identity: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: {uid(r)}, api error ExpiredToken: The security token included in the request is expired""", []


@T("error", "es", "not_secret", "identifier")
def err_jwt_expired_claims(r):
    return f"""\
Mi middleware de Express rechaza los tokens después de unos minutos aunque el exp es de una hora. Este es el log (ya decodifiqué el payload, no pego el token):

TokenExpiredError: jwt expired
    at /app/node_modules/jsonwebtoken/verify.js:190:21
  expiredAt: 2024-06-{r.randint(10,28)}T14:{r.randint(10,59)}:07.000Z

payload decodificado:
{{
  "sub": "usr_{rs(r,12,LO+DG)}",
  "iss": "https://auth.mitienda.es",
  "aud": "api-pedidos",
  "iat": 1718030400,
  "exp": 1718034000,
  "jti": "{uid(r)}"
}}

El servidor está en UTC y mi portátil en Europe/Madrid, ¿puede ser el problema?""", []


@T("error", "fr", "not_secret", "secret_reference")
def err_docker_login_stdin(r):
    return f"""\
Dans notre pipeline Jenkins la connexion au registre échoue, alors que le même token marche sur mon poste :

+ cat /var/jenkins_home/secrets/registry_token | docker login registry.interne.fr -u jenkins-ci --password-stdin
Error response from daemon: Get "https://registry.interne.fr/v2/": unauthorized: authentication required

Le fichier registry_token existe bien (ls -l le montre, 0600, propriétaire jenkins). Est-ce qu'un retour à la ligne à la fin du fichier peut casser la connexion ?""", []


@T("error", "ja", "not_secret", "certificate")
def err_openssl_verify(r):
    fp = ":".join(rs(r, 2, "0123456789ABCDEF") for _ in range(32))
    return f"""\
社内の API に curl すると証明書エラーになります。openssl で確認した結果を貼ります。中間証明書が足りないのでしょうか？

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


@T("error", "pt", "not_secret", "secret_reference")
def err_npm_e401_envref(r):
    return f"""\
O npm install quebra no GitHub Actions com E401, mas localmente funciona. Segue o log e o .npmrc do projeto:

npm ERR! code E401
npm ERR! Unable to authenticate, your authentication token seems to be invalid.
npm ERR! To correct this please try logging in again with:
npm ERR!     npm login

# .npmrc
@empresa:registry=https://npm.pkg.github.com
//npm.pkg.github.com/:_authToken=${{NODE_AUTH_TOKEN}}
always-auth=true

No workflow eu passo NODE_AUTH_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}} no passo do setup-node. Falta alguma permissão em packages?""", []


@T("error", "nl", "not_secret", "git_sha")
def err_git_push_rejected(r):
    a, b = hexs(r, 7), hexs(r, 7)
    return f"""\
Ik krijg mijn branch niet gepusht, wat betekent dit precies?

$ git push origin feature/factuur-export
To github.com:bakkerij-online/webshop.git
 ! [rejected]        feature/factuur-export -> feature/factuur-export (non-fast-forward)
error: failed to push some refs to 'github.com:bakkerij-online/webshop.git'
hint: Updates were rejected because the tip of your current branch is behind

$ git log --oneline -3
{a} factuur: csv-export toegevoegd
{b} btw-tarief uit config halen
{hexs(r,7)} Merge pull request #{r.randint(100,400)} from bakkerij-online/fix/login

Moet ik rebasen of mergen?""", []


@T("error", "uk", "not_secret", "request_id")
def err_vault_denied(r):
    return f"""\
Чому Vault повертає 403, якщо політика ніби дозволяє читати цей шлях?

$ vault kv get -mount=secret platforma/prod/postgres
Error reading secret/data/platforma/prod/postgres: Error making API request.

URL: GET https://vault.platforma.internal:8200/v1/secret/data/platforma/prod/postgres
Code: 403. Errors:

* 1 error occurred:
	* permission denied

request_id: {uid(r)}

Політика:
path "secret/platforma/prod/*" {{
  capabilities = ["read", "list"]
}}""", []


@T("error", "vi", "not_secret", "secret_reference")
def err_stripe_no_key(r):
    return f"""\
Mình deploy lên Vercel thì route thanh toán báo lỗi này, còn chạy local thì bình thường. Có phải biến môi trường chưa được nạp không?

Error: You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').
    at res.toJSON.then.StripeAPIError.message (/var/task/node_modules/stripe/cjs/RequestSender.js:105:31)

// app/api/checkout/route.ts
const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, {{ apiVersion: "2024-06-20" }});

Trên dashboard Vercel mình đã thêm STRIPE_SECRET_KEY cho môi trường Preview rồi.""", []


@T("error", "cs", "not_secret", "secret_reference")
def err_k8s_secret_missing(r):
    return f"""\
Pod se nespustí a visí ve stavu CreateContainerConfigError. Co mi chybí?

Events:
  Warning  Failed  12s (x5 over 58s)  kubelet  Error: secret "eshop-db" not found

Z deploymentu:
        env:
          - name: DB_PASSWORD
            valueFrom:
              secretKeyRef:
                name: eshop-db
                key: password

Secret jsem vytvářel přes kubectl create secret generic eshop-db --from-env-file=db.env, ale asi v jiném namespace?""", []


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


@T("cli", "de", "secret", "password")
def cli_mysql_inline(r):
    pw = pw_any(r, "de", "!%*+-?@^_.")
    return f"""\
Kann mir jemand erklären, warum der Befehl nicht durchläuft? Die Warnung verstehe ich, aber danach kommt gar nichts mehr:

$ mysql -h db-shop.hetzner.intern -u shop -p{pw} shopdb < dump_2024-04-02.sql
mysql: [Warning] Using a password on the command line interface can be insecure.
ERROR 2013 (HY000) at line 3481: Lost connection to MySQL server during query

Der Dump ist ca. 4 GB groß. Muss ich max_allowed_packet erhöhen?""", [("password", pw, "glued")]


@T("cli", "es", "secret", "password")
def cli_mongosh_uri(r):
    pw = pw_any(r, "es", SAFE)
    return f"""\
¿Por qué falla la autenticación si el usuario existe? Lo creé yo mismo en la base admin.

$ mongosh "mongodb://admin_logistica:{pw}@10.20.{r.randint(0,9)}.{r.randint(2,250)}:27017/envios"
Current Mongosh Log ID: {hexs(r,24)}
Connecting to: mongodb://<credentials>@10.20.x.x:27017/envios?directConnection=true&appName=mongosh+2.2.5
MongoServerError: Authentication failed.

¿Tengo que añadir authSource=admin en la URI?""", [("password", pw)]


@T("cli", "pt", "secret", "password")
def cli_redis_cli_a(r):
    pw = pw_random(r, r.randint(16, 24), "")
    return f"""\
Estou tentando limpar o cache em produção mas o redis-cli não deixa. O que significa esse erro?

$ redis-cli -h cache-prod.ab1cde.ng.0001.sae1.cache.amazonaws.com -p 6379 --tls -a {pw} --no-auth-warning
cache-prod.ab1cde.ng.0001.sae1.cache.amazonaws.com:6379> FLUSHDB
(error) NOPERM User default has no permissions to run the 'flushdb' command

É o ElastiCache com RBAC ativado. Preciso criar outro usuário?""", [("password", pw)]


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


@T("cli", "fr", "secret", "mistral_api_key")
def cli_httpie_mistral(r):
    key = mistral_key(r)
    return f"""\
Pourquoi l'API Mistral me renvoie 422 ? J'utilise httpie :

$ http POST https://api.mistral.ai/v1/chat/completions \\
    Authorization:"Bearer {key}" \\
    model=mistral-small-latest \\
    messages:='[{{"role": "utilisateur", "content": "Bonjour"}}]'

HTTP/1.1 422 Unprocessable Entity
{{"object":"error","message":{{"detail":[{{"type":"literal_error","loc":["body","messages",0,"role"],"msg":"Input should be 'system', 'user', 'assistant' or 'tool'"}}]}}}}

Ah… c'est « utilisateur » au lieu de « user » ?""", [("mistral_api_key", key)]


@T("cli", "ru", "secret", "gitlab_pat")
def cli_wget_gitlab(r):
    tok = glpat(r)
    return f"""\
Не могу скачать артефакты последней сборки через wget, получаю 404, хотя job точно есть. Команда:

wget --header="PRIVATE-TOKEN: {tok}" \\
  "https://gitlab.kontora.ru/api/v4/projects/{r.randint(100,900)}/jobs/artifacts/main/download?job=build-release" \\
  -O release.zip

--2024-04-{r.randint(10,28)} 11:02:{r.randint(10,59)}--  https://gitlab.kontora.ru/api/v4/projects/...
HTTP request sent, awaiting response... 404 Not Found
2024-04-{r.randint(10,28)} 11:02:{r.randint(10,59)} ERROR 404: Not Found.

Может, нужно указывать ветку как refs/heads/main?""", [("gitlab_pat", tok)]


@T("cli", "zh", "secret", "github_pat")
def cli_git_clone_token(r):
    tok = ghp(r)
    return f"""\
在服务器上用带 token 的地址克隆私有仓库失败了，token 是昨天刚生成的：

$ git clone https://x-access-token:{tok}@github.com/shenzhen-iot/gateway-firmware.git
Cloning into 'gateway-firmware'...
remote: Repository not found.
fatal: repository 'https://github.com/shenzhen-iot/gateway-firmware.git/' not found

仓库肯定存在，我在浏览器里能打开。是不是组织开启了 SSO，token 需要单独授权？""", [("github_pat", tok)]


@T("cli", "it", "secret", "docker_hub_pat")
def cli_docker_login_p(r):
    tok = docker_pat(r)
    return f"""\
Perché docker login fallisce con il token? Con la password del sito funzionava.

$ docker login -u magazzino-ci -p {tok}
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
Error response from daemon: Get "https://registry-1.docker.io/v2/": unauthorized: incorrect username or password

L'utente magazzino-ci fa parte di un'organizzazione, il token l'ho creato da Account Settings > Personal access tokens con permesso Read & Write.""", [("docker_hub_pat", tok)]


@T("cli", "ko", "secret", "kubernetes_token")
def cli_kubectl_token(r):
    sa = "deployer"
    tok = jwt(r, {"alg": "RS256", "kid": rs(r, 43, B64U)},
              {"aud": ["https://kubernetes.default.svc.cluster.local"], "exp": 1750000000 + r.randint(0, 9999999),
               "iat": 1718000000 + r.randint(0, 999999), "iss": "https://kubernetes.default.svc.cluster.local",
               "kubernetes.io": {"namespace": "ci", "serviceaccount": {"name": sa, "uid": uid(r)}},
               "sub": "system:serviceaccount:ci:" + sa})
    return f"""\
서비스어카운트 토큰으로 kubectl을 실행하면 권한 오류가 납니다. 롤바인딩을 잘못 만든 걸까요?

$ kubectl --server=https://10.0.{r.randint(0,9)}.{r.randint(2,250)}:6443 --insecure-skip-tls-verify \\
    --token={tok} \\
    -n production get deployments
Error from server (Forbidden): deployments.apps is forbidden: User "system:serviceaccount:ci:deployer" cannot list resource "deployments" in API group "apps" in the namespace "production"

롤바인딩은 ci 네임스페이스에만 만들어 두었습니다.""", [("kubernetes_token", tok)]


@T("cli", "pl", "secret", "aws_access_key")
def cli_aws_env_inline(r):
    kid, sec = aws_key_id(r), aws_secret(r)
    return f"""\
Dlaczego dostaję SignatureDoesNotMatch? Klucze skopiowałem prosto z konsoli IAM.

$ AWS_ACCESS_KEY_ID={kid} AWS_SECRET_ACCESS_KEY={sec} aws s3 ls s3://faktury-archiwum-2024 --region eu-central-1

An error occurred (SignatureDoesNotMatch) when calling the ListObjectsV2 operation: The request signature we calculated does not match the signature you provided. Check your key and signing method.

Zegar na serwerze jest zsynchronizowany (timedatectl pokazuje NTP active).""", [("aws_access_key_id", kid), ("aws_secret_access_key", sec)]


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


@T("cli", "nl", "secret", "azure_client_secret")
def cli_az_login_sp(r):
    sec = azure_client_secret(r)
    return f"""\
Waarom krijg ik AADSTS7000215 terwijl ik het secret net heb aangemaakt? Dit is wat ik uitvoer:

$ az login --service-principal \\
    -u {uid(r)} \\
    -p '{sec}' \\
    --tenant {uid(r)}
AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{uid(r)}'.

In de portal staan twee kolommen, "Value" en "Secret ID". Ik heb volgens mij de goede gepakt.""", [("azure_client_secret", sec)]


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


@T("cli", "tr", "secret", "password")
def cli_rsync_env(r):
    pw = pw_any(r, "tr", "!%*+-?@^_.")
    return f"""\
Yedekleme script'i cron'dan çalışınca hata veriyor, elle çalıştırınca sorun yok. Neden?

RSYNC_PASSWORD='{pw}' rsync -avz --delete /var/www/ yedek@nas.ofis.local::web-yedek/
@ERROR: auth failed on module web-yedek
rsync error: error starting client-server protocol (code 5) at main.c(1863) [sender=3.2.7]

crontab satırı:
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


@T("cli", "ja", "secret", "terraform_cloud_token")
def cli_terraform_tfc_token(r):
    tok = tfc_token(r)
    return f"""\
terraform init が 401 で失敗します。トークンは環境変数で渡しています。

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

ユーザートークンではなく組織トークンを使っているのが原因でしょうか？""", [("terraform_cloud_token", tok)]


@T("cli", "de", "secret", "artifactory_api_key")
def cli_helm_repo_add(r):
    key = artifactory_key(r)
    return f"""\
Beim Hinzufügen unseres Artifactory-Helm-Repos kommt ein Fehler. Was stimmt mit der URL nicht?

$ helm repo add intern https://artifactory.firma.de/artifactory/api/helm/helm-lokal \\
    --username svc-helm --password {key}
Error: looks like "https://artifactory.firma.de/artifactory/api/helm/helm-lokal" is not a valid chart repository or cannot be reached: failed to fetch https://artifactory.firma.de/artifactory/api/helm/helm-lokal/index.yaml : 403 Forbidden

Im Browser bekomme ich die index.yaml mit demselben Benutzer problemlos.""", [("artifactory_api_key", key)]


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


# ---- cli: negatives
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


@T("cli", "de", "not_secret", "secret_reference")
def cli_pgpass_permissions(r):
    return f"""\
pg_dump ignoriert anscheinend meine .pgpass und fragt trotzdem nach dem Passwort:

$ PGPASSFILE=/opt/backup/.pgpass pg_dump -h pg01.intern -U backup -Fc kundendb -f kundendb.dump
WARNING: password file "/opt/backup/.pgpass" has group or world access; permissions should be u=rw (0600) or less
Password:

Ein chmod 600 hilft vermutlich, aber der Cronjob läuft als anderer Benutzer als der Besitzer der Datei. Wie löse ich das sauber?""", []


@T("cli", "es", "not_secret", "secret_reference")
def cli_docker_stdin_env(r):
    return f"""\
En GitHub Actions el login a Docker Hub funciona, pero en nuestro runner propio falla. El paso es:

- name: Login
  run: echo "$DOCKERHUB_TOKEN" | docker login -u tiendaonline --password-stdin
  env:
    DOCKERHUB_TOKEN: ${{{{ secrets.DOCKERHUB_TOKEN }}}}

Salida:
Error: Cannot perform an interactive login from a non TTY device

¿Será que la variable llega vacía en el runner propio?""", []


@T("cli", "it", "not_secret", "secret_reference")
def cli_curl_single_quotes(r):
    return f"""\
Perché questa chiamata mi dà 401? La variabile è impostata, se faccio echo la vedo.

$ export OPENAI_API_KEY=...   # (caricata dal mio .zshrc)
$ curl https://api.openai.com/v1/models -H 'Authorization: Bearer $OPENAI_API_KEY'
{{
  "error": {{
    "message": "Incorrect API key provided: $OPENAI*****_KEY. You can find your API key at https://platform.openai.com/account/api-keys.",
    "type": "invalid_request_error",
    "code": "invalid_api_key"
  }}
}}

Sono gli apici singoli, vero?""", []


@T("cli", "ru", "not_secret", "redacted")
def cli_kubectl_config_view(r):
    return f"""\
Новый кластер не подхватывается. Вот что показывает kubectl config view --minify, по-моему всё правильно:

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

Ошибка: "the server has asked for the client to provide credentials". Что может быть не так?""", []


@T("cli", "pt", "not_secret", "identifier")
def cli_aws_sso_config(r):
    acct = "%012d" % r.randint(10 ** 11, 10 ** 12 - 1)
    return f"""\
O aws sso login abre o navegador, eu autorizo, mas depois os comandos dão erro. Meu ~/.aws/config:

[profile dev]
sso_session = empresa
sso_account_id = {acct}
sso_role_name = DesenvolvedorPowerUser
region = sa-east-1

[sso-session empresa]
sso_start_url = https://d-{hexs(r,10)}.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

$ aws s3 ls --profile dev
Error loading SSO Token: Token for empresa does not exist""", []


@T("cli", "ja", "not_secret", "hash")
def cli_ssh_host_key_changed(r):
    fp = b64url(bytes(r.getrandbits(8) for _ in range(32)))
    return f"""\
サーバーを再構築したら ssh できなくなりました。この警告は無視していいですか？

@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
The fingerprint for the ED25519 key sent by the remote host is
SHA256:{fp}.
Please contact your system administrator.
Offending ED25519 key in /home/tanaka/.ssh/known_hosts:14
Host key verification failed.""", []


@T("cli", "pl", "not_secret", "public_key")
def cli_gpg_export_pub(r):
    block = pem_block(r, "PGP PUBLIC KEY BLOCK", 6, "mDMEZ")
    block = block.replace("-----\n", "-----\n\n", 1)
    fpr = rs(r, 40, "0123456789ABCDEF")
    return f"""\
Kolega prosi o mój klucz publiczny, żeby szyfrować mi raporty. Czy to jest to, co mam mu wysłać, i czy to bezpieczne?

$ gpg --list-keys anna.nowak@biuro.pl
pub   ed25519 2024-01-15 [SC] [expires: 2026-01-14]
      {fpr}
uid           [ultimate] Anna Nowak <anna.nowak@biuro.pl>
sub   cv25519 2024-01-15 [E] [expires: 2026-01-14]

$ gpg --armor --export anna.nowak@biuro.pl
{block}""", []


@T("cli", "zh", "not_secret", "secret_reference")
def cli_vault_missing_token(r):
    return f"""\
在 CI 里用 vault 读数据库密码一直报错，本地没问题：

$ vault kv get -field=password secret/ordering/mysql
Error making API request.

URL: GET https://vault.corp.cn:8200/v1/sys/internal/ui/mounts/secret/ordering/mysql
Code: 403. Errors:

* permission denied

CI 里 VAULT_TOKEN 是通过 JWT 登录拿的：
export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ordering-ci jwt="$CI_JOB_JWT_V2")

是不是 role 绑定的 bound_claims 不对？""", []


@T("cli", "nl", "not_secret", "password_prompt")
def cli_git_https_prompt(r):
    return f"""\
Ik probeer onze repo te klonen op een nieuwe laptop, maar het wachtwoord wordt geweigerd:

$ git clone https://github.com/gemeente-x/vergunningen.git
Cloning into 'vergunningen'...
Username for 'https://github.com': j.devries-gemx
Password for 'https://j.devries-gemx@github.com':
remote: Support for password authentication was removed on August 13, 2021.
fatal: Authentication failed for 'https://github.com/gemeente-x/vergunningen.git/'

Wat moet ik dan wel invullen bij Password?""", []


@T("cli", "ko", "not_secret", "hash")
def cli_sha256sum_check(r):
    a, b, c = sha256(r), sha256(r), sha256(r)
    return f"""\
설치 파일 체크섬 검증이 하나만 실패합니다. 다시 받아야 하나요?

$ cat SHA256SUMS
{a}  node-v20.12.2-linux-x64.tar.xz
{b}  node-v20.12.2-linux-arm64.tar.xz
{c}  node-v20.12.2-darwin-arm64.tar.gz

$ sha256sum -c SHA256SUMS --ignore-missing
node-v20.12.2-linux-x64.tar.xz: FAILED
sha256sum: WARNING: 1 computed checksum did NOT match""", []


@T("cli", "tr", "not_secret", "identifier")
def cli_az_account_show(r):
    return f"""\
az CLI yanlış aboneliğe kaynak oluşturuyor galiba. az account show çıktısı bu:

{{
  "environmentName": "AzureCloud",
  "homeTenantId": "{uid(r)}",
  "id": "{uid(r)}",
  "isDefault": true,
  "name": "Muhasebe-Test",
  "state": "Enabled",
  "tenantId": "{uid(r)}",
  "user": {{
    "name": "emre.yilmaz@sirket.com.tr",
    "type": "user"
  }}
}}

Varsayılanı "Muhasebe-Prod" yapmak için hangi komutu kullanmalıyım?""", []


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


@T("cli", "uk", "not_secret", "version_string")
def cli_terraform_version_mismatch(r):
    return f"""\
Після оновлення terraform у колеги в мене все зламалося. Що означає ця помилка і як її виправити без оновлення?

$ terraform plan
╷
│ Error: Unsupported Terraform Core version
│
│   on versions.tf line 2, in terraform:
│    2:   required_version = "~> 1.5.0"
│
│ This configuration does not support Terraform version 1.8.{r.randint(0,5)}.
╵

$ terraform version
Terraform v1.8.{r.randint(0,5)}
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
