#!/usr/bin/env python3
"""Generate and validate general12/holdout.jsonl (blind hold-out for the secrets detector).

python3 gen.py          write holdout.jsonl and validate it
python3 gen.py --check  rebuild in memory and compare byte for byte with holdout.jsonl
python3 gen.py --stats  print counts by label, group, language and type

Standard library only. Template t draws from random.Random(SEED + "/" + t);
the row order comes from random.Random(SEED). String seeds are hashed with
SHA-512 by Python, so the output does not depend on PYTHONHASHSEED.
"""
import base64
import json
import os
import random
import re
import string
import sys
import uuid as _uuid

SEED = "parapet/general12/holdout/v1"
REPO = "handwritten/general12"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "sv": "Swedish", "cs": "Czech", "ja": "Japanese", "ko": "Korean",
    "zh": "Chinese", "ar": "Arabic", "hi": "Hindi", "id": "Indonesian",
    "tr": "Turkish", "vi": "Vietnamese", "th": "Thai", "he": "Hebrew",
    "ms": "Malay", "bn": "Bengali",
}
GROUPS = ["health", "finance", "public", "telecom", "ot", "logistics",
          "helpdesk", "governance"]
GROUP_DESC = {}

HUMAN_TYPES = {"password", "password_spelled", "pin"}

SECRET_ROW_TYPES = {
    "password", "password_spelled", "pin",
    "aws_access_key", "azure_storage_key", "azure_sas_token",
    "azure_service_bus_key", "azure_iot_hub_key", "azure_client_secret",
    "google_api_key", "alibaba_access_key",
    "tencent_cloud_secret", "private_key", "pgp_private_key",
    "ssh_private_key", "wireguard_private_key", "twilio_auth_token",
    "vonage_api_secret", "messagebird_access_key", "stripe_secret_key",
    "stripe_webhook_secret", "square_access_token", "paypal_client_secret",
    "paystack_secret_key", "midtrans_server_key", "xendit_secret_key",
    "toss_secret_key", "razorpay_key_secret",
    "shopify_access_token", "shippo_api_token", "easypost_api_key",
    "okta_api_token", "duo_secret_key", "zendesk_api_token",
    "freshdesk_api_key", "newrelic_api_key", "dynatrace_api_token",
    "splunk_hec_token", "datadog_api_key", "slack_webhook", "teams_webhook",
    "dingtalk_access_token", "feishu_webhook", "line_channel_token",
    "wechat_app_secret", "kakao_rest_api_key", "github_pat", "gitlab_pat",
    "jwt", "oauth_client_secret", "api_key", "totp_secret", "recovery_code",
    "bitlocker_recovery_key", "snmp_community", "radius_secret",
    "django_secret_key", "laravel_app_key", "moodle_ws_token",
    "canvas_access_token", "key_component", "lau_key", "sendgrid_api_key",
    "atlassian_api_token", "openai_api_key", "hmac_secret",
    "session_cookie", "edi_password", "remote_access_password",
}
NEGATIVE_ROW_TYPES = {
    "secret_reference", "identifier", "placeholder", "redacted", "hash",
    "password_prompt", "request_id", "username", "encrypted_blob",
    "masked_key", "out_of_band_notice", "password_policy", "public_key",
    "rotation_notice", "revoked_credential", "version_string", "certificate",
    "git_sha", "publishable_key", "public_client_key", "reset_notice",
    "security_advice", "serial_number", "account_number",
    "doc_default_credential", "doc_example_key", "dummy_value",
    "empty_value", "no_credential", "password_hash", "key_check_value",
    "signature", "uuid", "patient_identifier", "password_hint",
}
# Pair kinds (AWS, Alibaba, Tencent) are marked as their two halves.
ENTITY_TYPES = (SECRET_ROW_TYPES - {"aws_access_key", "alibaba_access_key",
                                    "tencent_cloud_secret"}) | {
    "aws_access_key_id", "aws_secret_access_key", "alibaba_access_key_id",
    "alibaba_access_key_secret", "tencent_secret_id", "tencent_secret_key",
    "dingtalk_sign_secret", "line_channel_secret", "datadog_app_key",
}
# Published documentation examples that must never be marked as secrets.
DOC_EXAMPLES = {
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "JBSWY3DPEHPK3PXP", "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
}

TEMPLATES = []


def tpl(group, lang, label, typ, glued=False):
    assert group in GROUPS, group
    assert lang in LANGS, lang
    assert label in ("secret", "not_secret"), label
    if label == "secret":
        assert typ in SECRET_ROW_TYPES, typ
    else:
        assert typ in NEGATIVE_ROW_TYPES, typ

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": label, "type": typ, "fn": fn,
                          "glued": glued})
        return fn
    return deco


# ---------------------------------------------------------------- marking
_M1, _M2, _M3 = "\x1e", "\x1f", "\x1d"
_MARK_RE = re.compile("\x1e([a-z0-9_]+)\x1f(.*?)\x1d", re.S)


def S(kind, value):
    """Mark value as a secret entity of type kind."""
    assert kind in ENTITY_TYPES, kind
    assert not any(c in value for c in (_M1, _M2, _M3))
    return _M1 + kind + _M2 + value + _M3


def unmark(marked):
    out, ents, pos = [], [], 0
    n = 0
    for m in _MARK_RE.finditer(marked):
        out.append(marked[pos:m.start()])
        n += len(marked[pos:m.start()])
        val = m.group(2)
        ents.append({"type": m.group(1), "start": n, "end": n + len(val),
                     "value": val})
        out.append(val)
        n += len(val)
        pos = m.end()
    out.append(marked[pos:])
    text = "".join(out)
    assert not any(c in text for c in (_M1, _M2, _M3)), "stray marker"
    return text, ents


# ---------------------------------------------------------------- random values
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
HEX = "0123456789abcdef"
B64 = AN + "+/"
B64U = AN + "-_"
B32 = UP + "234567"


def rs(r, n, alphabet=AN):
    return "".join(r.choice(alphabet) for _ in range(n))


def hx(r, n, upper=False):
    s = rs(r, n, HEX)
    return s.upper() if upper else s


def digits(r, n, first_nonzero=True):
    s = rs(r, n, DG)
    if first_nonzero and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


def b64(r, nbytes):
    return base64.b64encode(bytes(r.getrandbits(8) for _ in range(nbytes))).decode()


def b64url(r, nbytes):
    return base64.urlsafe_b64encode(bytes(r.getrandbits(8) for _ in range(nbytes))).decode().rstrip("=")


def uid(r, upper=False):
    u = str(_uuid.UUID(int=r.getrandbits(128), version=4))
    return u.upper() if upper else u


def sha(r, n=40):
    return hx(r, n)


def ip(r, prefix="10"):
    if prefix == "10":
        return "10.%d.%d.%d" % (r.randint(0, 254), r.randint(0, 254), r.randint(2, 254))
    if prefix == "192":
        return "192.168.%d.%d" % (r.randint(0, 50), r.randint(2, 254))
    return "172.%d.%d.%d" % (r.randint(16, 31), r.randint(0, 254), r.randint(2, 254))


# human passwords ------------------------------------------------------------
WORDS = ["Sonnenblume", "Papillon", "Girasol", "Saudade", "Farfalla",
         "Tulpenveld", "Wiewiorka", "Kanelbulle", "Kocicka", "Sakura",
         "Haneul", "Xiaolong", "Qamar", "Bahaar", "Pelangi", "Deniz",
         "Hoasen", "Sawasdee", "Shalom", "Merdeka", "Akash", "Fjallet",
         "Gartenzwerg", "Marmotte", "Tortuga", "Cavaquinho", "Gelato",
         "Fietsbel", "Pierogi", "Midsommar", "Knedlik", "Tanuki", "Dalgona",
         "Mantou", "Yasmin", "Chandni", "Durian", "Kelebek", "Phoxua",
         "Mangkhut", "Tikva", "Rambutan", "Nodi", "Falcon", "Harbor",
         "Lighthouse", "Meadow", "Copper", "Orchard", "Granite", "Pelican"]
LOWER_WORDS = ["river", "stapler", "orange", "kettle", "violin", "cactus",
               "lantern", "pebble", "walrus", "biscuit", "tundra", "mango",
               "harbour", "saffron", "quartz", "badger", "noodle", "glacier",
               "pigeon", "tram", "otter", "fennel", "sardine", "comet",
               "maple", "jasmine", "velvet", "anchor", "paprika", "cobalt"]
NONASCII_WORDS = ["Kräutergarten", "Schlüsseldienst", "Żółwik", "Łabędź",
                  "Crème", "Forêt", "Señorita", "Cañón", "Coração", "Ação",
                  "Città", "Perché", "Björnbär", "Åkermark", "Příbram",
                  "Šťastný", "Çiçekçi", "Güneş", "Đàlạt", "Phởbò",
                  "さくら", "사랑해", "春天来了", "صباح", "नमस्ते", "שלום",
                  "สวัสดี", "ভালোবাসা", "Öresund", "Jeżyk"]
WALKS = ["1qaz2wsx", "qwerty", "zaq12wsx", "1q2w3e4r", "qazwsx", "!QAZ2wsx",
         "qwertz", "azerty", "1234qwer", "asdfghjkl", "Qwer1234", "1qazXSW@",
         "zxcvbnm", "q1w2e3r4"]
SEASONS = ["Winter", "Summer", "Spring", "Autumn", "Sommer", "Herbst",
           "Printemps", "Hiver", "Verano", "Invierno", "Zomer", "Lente",
           "Inverno", "Estate", "Welcome", "Welkom", "Bienvenue", "Willkommen",
           "Selamat", "Hosgeldin", "Benvenuto", "Bemvindo"]
LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"})

SYM = {
    "url": "-_.~",
    "ini": "!@%^*-_+.?",
    "any": "!@#$%^&*-_+=.?",
    "racf": "@#$",
}


NONASCII_BY_LANG = {
    "de": ["Schlüsseldienst", "Kräutergarten", "Ölkanne", "Müßiggang"],
    "pl": ["Żółwik", "Łabędź", "Jeżyk", "Gęślarz"],
    "tr": ["Çiçekçi", "Güneş", "Şölen", "Öğretmen"],
    "vi": ["Đàlạt", "Phởbò", "Hồgươm", "Sôngđà"],
    "es": ["Señorita", "Cañón", "Pingüino", "Ñandú"],
    "fr": ["Forêt", "Crème", "Château", "Hérisson"],
    "it": ["Città", "Perché", "Caffè", "Libertà"],
}


def pw(r, style=None, safe="ini", spaces=False, lang=None):
    """A human password. Words with non-ASCII letters are only used when a
    row asks for them (style="nonascii", lang=...), so they match the
    setting."""
    sy = SYM[safe]
    styles = ["wds", "two", "phrase", "random", "walk", "leet", "season"]
    st = style or r.choice(styles)
    if st == "wds":
        return r.choice(WORDS) + digits(r, r.randint(2, 4), False) + r.choice(sy)
    if st == "two":
        return (r.choice(WORDS) + r.choice(sy) + r.choice(WORDS) +
                digits(r, r.randint(1, 3), False))
    if st == "phrase":
        sep = r.choice([" "] if spaces else ["-", "."])
        if spaces and r.random() < 0.3:
            sep = r.choice(["-", "."])
        return sep.join(r.sample(LOWER_WORDS, r.randint(3, 4))) + (
            digits(r, 1, False) if r.random() < 0.5 else "")
    if st == "random":
        alpha = AN + sy
        while True:
            s = rs(r, r.randint(12, 20), alpha)
            if (any(c in sy for c in s) and any(c in DG for c in s)
                    and s[0] in AN and s[-1] not in "."):
                return s
    if st == "walk":
        w = r.choice(WALKS)
        if safe == "url":
            w = w.replace("!", "").replace("@", "")
        return w + r.choice(["", "!", "#2024", "2025", "!!", "@1", "$$", "99"]).translate(
            str.maketrans({c: "" for c in "!#@$" if c not in sy}))
    if st == "leet":
        return r.choice(LOWER_WORDS).translate(LEET).capitalize() + \
            r.choice(sy) + digits(r, 2, False)
    if st == "nonascii":
        words = NONASCII_BY_LANG[lang] if lang else NONASCII_WORDS
        return r.choice(words) + digits(r, r.randint(2, 4), False) + r.choice(sy)
    if st == "season":
        return r.choice(SEASONS) + r.choice(["2025", "2026", "01", "123", "@2026", "#25"]).translate(
            str.maketrans({c: "" for c in "@#" if c not in sy})) + r.choice(["!", ".", "*", "?", "-"] if safe != "url" else ["-", "."])
    raise ValueError(st)


def racf_pw(r, n=8):
    while True:
        s = r.choice(UP) + rs(r, n - 1, UP + DG + "#@$")
        if any(c in DG for c in s):
            return s


def pin(r, n=6):
    while True:
        s = rs(r, n, DG)
        if len(set(s)) >= 3:
            return s


# machine credentials ----------------------------------------------------------
def aws_id(r, pref="AKIA"):
    return pref + rs(r, 16, B32)


def aws_secret(r):
    return rs(r, 40, B64)


def azure_storage_key(r):
    return b64(r, 64)


def sas_key(r):
    return b64(r, 32)


def azure_client_secret(r):
    return rs(r, 3, AN) + "8Q~" + rs(r, 34, AN + "_~.-").rstrip(".") + rs(r, 1, AN)


def jwt(r, payload, alg="HS256", sig_bytes=32):
    h = base64.urlsafe_b64encode(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode()).decode().rstrip("=")
    p = base64.urlsafe_b64encode(json.dumps(payload, separators=(",", ":")).encode()).decode().rstrip("=")
    return h + "." + p + "." + b64url(r, sig_bytes)


def pem(r, label="RSA PRIVATE KEY", nbytes=1190, header=""):
    body = b64(r, nbytes)
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return ("-----BEGIN %s-----\n" % label + header + "\n".join(lines) +
            "\n-----END %s-----" % label)


def openssh_key(r):
    body = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW" + b64(r, 300)
    lines = [body[i:i + 70] for i in range(0, len(body), 70)]
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines) +
            "\n-----END OPENSSH PRIVATE KEY-----")


def wg_key(r):
    return b64(r, 32)


def totp_secret(r, n=32):
    return rs(r, n, B32)


# ================================================================== health
GROUP_DESC["health"] = "hospital and clinic IT: PACS, HL7/FHIR interface engines, EHR integrations, lab instruments, pharmacy, telemetry"


@tpl("health", "en", "secret", "password")
def h_mirth_properties(r):
    p = pw(r, safe="ini")
    return f"""After upgrading Mirth Connect from 3.12 to 4.5 the service starts and dies after ~20 seconds. mirth.properties (the relevant part):

# database
database = postgres
database.url = jdbc:postgresql://mirthdb01.stlukes.local:5432/mirthdb
database.username = mirth_svc
database.password = {S("password", p)}
database.max-connections.read = 20

# keystore
keystore.path = ${{dir.appdata}}/keystore.jks
keystore.storepass = ${{MC_KEYSTORE_STOREPASS}}

mirth.log shows "FATAL: password authentication failed for user mirth_svc" but I can log in with psql using the same values. Is 4.x reading something else?"""


@tpl("health", "en", "secret", "password")
def h_orthanc_registered_users(r):
    p = pw(r, safe="ini")
    return f"""I support a small radiology practice in Hamburg. Their Orthanc PACS stopped accepting logins after the update. This is the orthanc.json excerpt the vendor sent me:

{{
  "Name" : "MVZ-Radiologie-Nord",
  "DicomAet" : "ORTHANC_MVZ",
  "DicomPort" : 4242,
  "AuthenticationEnabled" : true,
  "RegisteredUsers" : {{
    "pacsadmin" : "{S("password", p)}"
  }},
  "RemoteAccessAllowed" : true
}}

Does the user name have to be registered anywhere else too? The browser keeps asking for the password again."""


@tpl("health", "en", "secret", "oauth_client_secret")
def h_fhir_backend_secret(r):
    cid = uid(r)
    sec = b64url(r, 36)
    return f"""Our SMART backend-services registration with the regional HIE keeps returning invalid_client. This is exactly what I'm sending:

curl -s -X POST https://fhir.hie-northwest.org/auth/token \\
  -d grant_type=client_credentials \\
  -d client_id={cid} \\
  -d client_secret={S("oauth_client_secret", sec)} \\
  -d scope="system/Patient.read system/Observation.read"

{{"error":"invalid_client","error_description":"client authentication failed"}}

The HIE portal shows the app as Active. Should this be basic auth instead of form fields?"""


@tpl("health", "fr", "secret", "password")
def h_lab_results_sftp_ticket(r):
    p = pw(r, safe="any")
    return f"""Ticket #CHU-44817 — Interface résultats labo (HL7 ORU^R01)

Bonjour l'équipe intégration,
depuis lundi le moteur d'interface ne dépose plus les fichiers ORU sur le SFTP du laboratoire Biopôle. Paramètres actuels du canal :
  hôte : sftp.biopole-labo.fr (port 2222)
  utilisateur : chu_oru_out
  mot de passe : {S("password", p)}
  répertoire : /in/oru/
Le laboratoire dit n'avoir rien changé de son côté. Pouvez-vous vérifier si c'est notre pare-feu ?
Cordialement, Élodie (service biomédical)"""


@tpl("health", "en", "secret", "aws_access_key")
def h_pacs_s3_tier(r):
    kid, ks = aws_id(r), aws_secret(r)
    return f"""We're moving the PACS long-term archive tier to S3 Glacier IR. The vendor's archive-agent.yaml looks like this — is the bucket policy the reason the test study never arrives?

archive:
  target: s3
  s3:
    bucket: rad-lta-prod-eu-west-2
    region: eu-west-2
    access_key_id: {S("aws_access_key_id", kid)}
    secret_access_key: {S("aws_secret_access_key", ks)}
    storage_class: GLACIER_IR
  retention_years: 8
dicom:
  ae_title: LTA_AGENT
  port: 11112"""


@tpl("health", "ja", "secret", "password")
def h_lab_analyzer_service_mode(r):
    p = pw(r, safe="ini")
    return f"""検査科の生化学分析装置（LIS 連携）について質問です。メーカーの保守担当から以下のメールが来ました。

「サービスモードに入る際は、ユーザー名 service、パスワード {S("password", p)} を使用してください。LIS 側の送信ポート設定（TCP 5600）を変更後、装置を再起動してください。」

この手順で ASTM の送信が止まる問題は直りますか？ 再起動の順番（分析装置→ミドルウェア→LIS）で合っているか確認したいです。"""


@tpl("health", "nl", "secret", "password")
def h_epd_sql_connection(r):
    p = pw(r, safe="ini")
    return f"""De koppeling tussen ons EPD en het planningssysteem geeft sinds vannacht een timeout. Dit is de connection string uit de appsettings.json van de koppelservice:

"ConnectionStrings": {{
  "Planning": "Server=sql-zkh-02.ziekenhuis.local,1433;Database=Planning;User Id=koppeling_epd;Password={S("password", p)};Encrypt=True;TrustServerCertificate=False;Connect Timeout=15"
}}

Kan het aan het certificaat van de SQL-server liggen? Die is gisteren vernieuwd."""


@tpl("health", "sv", "secret", "teams_webhook")
def h_interface_alerts_teams(r):
    g1, g2, h32, g3 = uid(r), uid(r), hx(r, 32), uid(r)
    url = f"https://regionhalland.webhook.office.com/webhookb2/{g1}@{g2}/IncomingWebhook/{h32}/{g3}/V2{rs(r, 43, B64U)}"
    return f"""Hej! Vi vill att integrationsmotorn skickar larm till Teams-kanalen "Integration – jour" när en HL7-kö växer över 500 meddelanden. Jag har lagt in detta i larmskriptet men inget kommer fram:

$hook = "{S("teams_webhook", url)}"
$body = @{{ text = "Kö ADT_OUT har $antal meddelanden" }} | ConvertTo-Json
Invoke-RestMethod -Method Post -Uri $hook -Body $body -ContentType 'application/json'

Får vi 400 Bad Request för att JSON-formatet är fel?"""


@tpl("health", "ar", "secret", "pin")
def h_medication_cabinet_pin(r):
    c = pin(r, 6)
    return f"""مرحباً، أنا مشرفة التمريض في قسم الطوارئ. خزانة الأدوية الآلية في غرفة 3 لا تقبل بصمة الإصبع منذ الصباح. فني الصيانة أرسل لنا هذه الرسالة على الواتساب:

"مؤقتاً استخدموا رمز التجاوز {S("pin", c)} ثم اضغطوا زر OK، وسأحضر غداً لاستبدال قارئ البصمة."

هل يجب أن نسجّل كل عملية صرف يدوياً في النظام الإلكتروني أثناء استخدام هذا الرمز؟"""


@tpl("health", "en", "secret", "password")
def h_dicom_router_console(r):
    p = pw(r, safe="ini")
    return f"""Here are my notes on the radiology DICOM router console. Please tidy them into a handover document.

- URL: https://dicom-router.snuh-branch.local:8443
- admin account: routeradmin
- password: {S("password", p)}
- routing rules: CT/MR → PACS_MAIN (104), US → PACS_US (11112)
- outages: call the vendor's maintenance line

After changing a rule you must click 'Apply & Restart' or it won't take effect."""


@tpl("health", "en", "secret", "azure_iot_hub_key")
def h_infusion_telemetry_iothub(r):
    k = sas_key(r)
    return f"""The infusion-pump telemetry gateway in ICU stopped sending to Azure IoT Hub after the network change. Gateway log:

2026-03-02 07:41:13 INFO  loading device connection string
2026-03-02 07:41:13 DEBUG conn=HostName=hub-clinical-telemetry.azure-devices.net;DeviceId=icu-gw-03;SharedAccessKey={S("azure_iot_hub_key", k)}
2026-03-02 07:41:14 ERROR MQTT connect failed: [Errno 110] Connection timed out (port 8883)

Does IoT Hub need 8883 open outbound or can it fall back to 443 with websockets?"""


@tpl("health", "en", "secret", "twilio_auth_token")
def h_clinic_sms_reminders(r):
    sid, tok = "AC" + hx(r, 32), hx(r, 32)
    return f"""Hi, our clinic in Madrid sends appointment reminders by SMS. The script fails with error 20003. What am I doing wrong?

from twilio.rest import Client

account_sid = "{sid}"
auth_token = "{S("twilio_auth_token", tok)}"
cliente = Client(account_sid, auth_token)

for cita in citas_de_manana():
    cliente.messages.create(
        to=cita.telefono,
        from_="+34911234567",
        body=f"Recordatorio: cita el {{cita.fecha}} a las {{cita.hora}} en Clínica Salud Norte",
    )"""


@tpl("health", "pt", "secret", "password")
def h_pharmacy_wholesaler_lftp(r):
    p = pw(r, safe="url")
    return f"""O envio automático das encomendas da farmácia hospitalar para o distribuidor falha desde ontem. O cron corre isto:

lftp -u farm_hsj,{S("password", p)} -e "set sftp:auto-confirm yes; mput /dados/encomendas/*.xml -O /entrada; bye" sftp://edi.distrifarma.pt

Erro: "mput: Access failed: Permission denied". Manualmente com o FileZilla funciona. Pode ser o diretório de destino?"""


@tpl("health", "hi", "secret", "password")
def h_teleradiology_vpn(r):
    p = pw(r, safe="ini")
    return f"""नमस्ते, हमारे अस्पताल ने टेलीरेडियोलॉजी के लिए नए वेंडर से अनुबंध किया है। उनके इंजीनियर ने यह ईमेल भेजा है:

"VPN गेटवे: vpn.teleradx.in
यूज़रनेम: hosp_pune_pacs
पासवर्ड: {S("password", p)}
कृपया FortiClient में SSL-VPN प्रोफ़ाइल बनाकर कनेक्ट करें।"

कनेक्ट करने पर 'credential or SSLVPN configuration is wrong (-7200)' आता है। क्या FortiClient का वर्ज़न पुराना है?"""


@tpl("health", "en", "secret", "okta_api_token")
def h_clinician_provisioning_okta(r):
    tok = "00" + rs(r, 40, B64U)
    return f"""Can you add retry with backoff to this clinician provisioning script? It creates Okta users from the HR feed for the new hospital wing and hits 429s.

import requests, csv

OKTA = "https://mercyhealth.okta.com"
HEADERS = {{"Authorization": "SSWS {S("okta_api_token", tok)}",
           "Accept": "application/json"}}

for row in csv.DictReader(open("new_clinicians.csv")):
    body = {{"profile": {{"firstName": row["first"], "lastName": row["last"],
                        "email": row["email"], "login": row["email"],
                        "department": row["unit"]}}}}
    requests.post(f"{{OKTA}}/api/v1/users?activate=true", json=body, headers=HEADERS)"""


# ---- health negatives


@tpl("health", "en", "not_secret", "patient_identifier")
def h_hl7_adt_message(r):
    mrn = digits(r, 8)
    ctl = digits(r, 12)
    return f"""Why does our interface engine reject this ADT^A04 with "PID-3 repetition separator invalid"?

MSH|^~\\&|EPIC|STJ|RHAP|LAB|20260214093301||ADT^A04|{ctl}|P|2.5.1
EVN|A04|20260214093301
PID|1||{mrn}^^^STJ^MR~{digits(r, 10)}^^^NHS^NH||NGUYEN^THI^LAN||19840312|F|||12 Elm Row^^Leeds^^LS2 9JT
PV1|1|O|OPD^^^STJ||||{digits(r, 6)}^PATEL^ARJUN|||||||||||{digits(r, 9)}

Is it the ~ between the MRN and the NHS number?"""


@tpl("health", "en", "not_secret", "identifier")
def h_dicom_uids(r):
    root = "1.2.276.0.7230010.3"
    return f"""Why does the viewer show these two series as one study? Tags from dcmdump:

(0008,0018) UI [{root}.1.4.{digits(r, 10)}.{digits(r, 5)}.{digits(r, 13)}.{digits(r, 3)}]  # SOPInstanceUID
(0020,000d) UI [{root}.1.2.{digits(r, 10)}.{digits(r, 4)}.{digits(r, 13)}.1]  # StudyInstanceUID
(0020,000e) UI [{root}.1.3.{digits(r, 10)}.{digits(r, 4)}.{digits(r, 13)}.2]  # SeriesInstanceUID
(0008,0050) SH [ACC{digits(r, 8)}]  # AccessionNumber
(0040,0241) AE [CT_SIEMENS_02]  # PerformedStationAETitle

The modality worklist at the satellite site is a different system from the main hospital's."""


@tpl("health", "en", "not_secret", "uuid")
def h_fhir_bundle_ids(r):
    a, b, c = uid(r), uid(r), uid(r)
    return f"""Our FHIR transaction bundle returns 412 Precondition Failed on the second entry. Here's the response:

{{
  "resourceType": "Bundle",
  "id": "{a}",
  "type": "transaction-response",
  "entry": [
    {{"response": {{"status": "201 Created", "location": "Patient/{b}/_history/1", "etag": "W/\\"1\\""}}}},
    {{"response": {{"status": "412 Precondition Failed", "outcome": {{"resourceType": "OperationOutcome", "id": "{c}"}}}}}}
  ]
}}

Is If-Match expecting the version id of the Encounter we read earlier?"""


@tpl("health", "en", "not_secret", "secret_reference")
def h_mirth_compose_secrets(r):
    return """Reviewing the docker-compose for our new Mirth Connect container before go-live. Is this the right way to keep the DB password out of the file?

services:
  mirth:
    image: nextgenhealthcare/connect:4.5.0
    environment:
      DATABASE: postgres
      DATABASE_URL: jdbc:postgresql://db:5432/mirthdb
      DATABASE_USERNAME: mirth
      DATABASE_PASSWORD_FILE: /run/secrets/mirth_db_password
      KEYSTORE_STOREPASS: ${MIRTH_KEYSTORE_STOREPASS:?set in .env.prod}
    secrets:
      - mirth_db_password
secrets:
  mirth_db_password:
    external: true"""


@tpl("health", "en", "not_secret", "public_client_key")
def h_smart_launch_pkce(r):
    cid = uid(r)
    ch = b64url(r, 32)
    st = hx(r, 16)
    return f"""Our SMART on FHIR app (public client, no secret) gets stuck at the authorize step with the French university hospital's EHR. Generated URL:

https://ehr.chu-exemple.fr/oauth2/authorize?response_type=code&client_id={cid}&redirect_uri=https%3A%2F%2Fapp.cardio.fr%2Fcallback&scope=launch%20patient%2F*.read%20openid%20fhirUser&state={st}&aud=https%3A%2F%2Fehr.chu-exemple.fr%2Ffhir&code_challenge={ch}&code_challenge_method=S256

The server answers "invalid_scope". Do we have to ask for patient/*.rs with SMART v2?"""


@tpl("health", "en", "not_secret", "certificate")
def h_pacs_tls_cert(r):
    c = pem(r, "CERTIFICATE", 700)
    return f"""For DICOM TLS between the CT and the PACS, is this the right server certificate to register on the modality? (Contents of pacs01.crt from the vendor.)

{c}

The modality says "unable to verify certificate chain". Do I need to register the intermediate certificate as well?"""


@tpl("health", "es", "not_secret", "reset_notice")
def h_ehr_reset_in_person(r):
    return """Asunto: Restablecimiento de contraseña — Historia Clínica Electrónica

Estimado Dr. Ramírez:
Hemos restablecido la contraseña de su usuario de la historia clínica tras los tres intentos fallidos de esta mañana. Por motivos de seguridad la contraseña provisional no se envía por correo: recójala en persona en el Servicio de Informática (planta -1, de 8:00 a 15:00) presentando su tarjeta identificativa. Al iniciar sesión el sistema le pedirá cambiarla.

Atentamente,
Servicio de Informática — Hospital Comarcal

¿Me ayudas a redactar una versión más corta de este aviso para enviarla por SMS?"""


@tpl("health", "en", "not_secret", "redacted")
def h_servicenow_redacted(r):
    inc = "INC" + digits(r, 7)
    return f"""Summarise this ticket history for the handover to the night shift please:

{inc} — Lab analyser cannot reach LIS middleware
08:12 (caller) The Cobas in haematology shows "host connection lost". I tried the service login, user "labsvc", password: [REDACTED BY SERVICENOW — credentials removed per policy KB0011820]
08:40 (agent) Please don't post passwords in tickets. Checked switch port Gi1/0/24: up, VLAN 212.
09:05 (agent) LIS middleware service restarted on labmw02, connection restored.
09:30 (caller) Results flowing again, thanks."""


@tpl("health", "en", "not_secret", "hash")
def h_analyzer_firmware_sha(r):
    return f"""The haematology analyser in the lab needs a firmware update. The vendor sent a download link and a checksum. Does what I computed match the vendor's e-mail?

Vendor e-mail:
Firmware version: XN-FW 4.21.7
SHA-256: {hx(r, 64)}
File size: 48,213,504 bytes

Mine:
PS C:\\Users\\labadmin\\Downloads> Get-FileHash .\\xn_fw_4217.bin -Algorithm SHA256
Algorithm  Hash
---------  ----
SHA256     {hx(r, 64, upper=True)}

If they differ, is the download corrupted?"""


@tpl("health", "en", "not_secret", "placeholder")
def h_orthanc_placeholder(r):
    return """I'm preparing the Orthanc configuration file to hand over to the cardiology ward (hospital in Bologna). Is it OK to leave the fields to fill in like this?

{
  "Name" : "CARDIO-ECO",
  "DicomAet" : "CARDIO_ECO",
  "AuthenticationEnabled" : true,
  "RegisteredUsers" : {
    "<nome_utente_reparto>" : "<inserire_password_fornita_dal_CED>"
  },
  "DicomModalities" : {
    "ecografo1" : [ "ECO_VIVID", "10.20.4.31", 104 ]
  }
}

The data centre will tell the head physician the password in person."""


@tpl("health", "en", "not_secret", "password_policy")
def h_smartcard_passcode_policy(r):
    return """Can you turn this into a one-page poster for the wards?

Smartcard passcode rules (clinical systems)
- Your passcode is 4 to 8 digits and is set when your card is issued.
- Three wrong entries lock the card; a Registration Authority agent must unlock it.
- Never share your passcode or leave your card in a workstation.
- Do not write your passcode on the card sleeve or on the screen.
- Passcodes do not expire, but change it immediately if you think someone has seen it."""


@tpl("health", "id", "not_secret", "request_id")
def h_hl7_ack_ids(r):
    a, b = digits(r, 14), digits(r, 14)
    return f"""Mesin interface di RS kami mengirim ORM ke LIS, tapi ACK yang balik tidak cocok dengan message control ID-nya. Contoh:

Terkirim:
MSH|^~\\&|SIMRS|RSUDBDG|LIS|LAB|20260301101512||ORM^O01|{a}|P|2.3
Diterima:
MSH|^~\\&|LIS|LAB|SIMRS|RSUDBDG|20260301101513||ACK^O01|{b}|P|2.3
MSA|AA|{b}

Seharusnya MSA-2 berisi control ID dari pesan yang kami kirim, kan? Bagaimana cara menjelaskan ini ke vendor LIS?"""


@tpl("health", "nl", "not_secret", "revoked_credential")
def h_fhir_secret_revoked(r):
    last = rs(r, 4)
    return f"""Kun je dit incidentbericht wat formeler maken voor de privacy officer?

"Op 3 maart is per ongeluk het client secret van de FHIR-koppeling met het huisartsenportaal in een Teams-chat gedeeld (alleen de laatste tekens waren zichtbaar in de melding: ••••••••{last}). Het secret is dezelfde dag om 14:20 ingetrokken in het autorisatieportaal en vervangen; het nieuwe secret staat alleen in Azure Key Vault (kv-zkh-integratie). Er zijn geen aanvragen met het oude secret gezien na intrekking." """


@tpl("health", "en", "not_secret", "password_hash")
def h_ehr_users_bcrypt(r):
    def bc():
        return "$2y$12$" + rs(r, 53, AN + "./")
    return f"""We're migrating users from a Polish clinic's old practice-management system to the new EHR. Will the new system accept these hashes, or do all doctors have to set new passwords?

mysql> SELECT login, haslo_hash, ostatnie_logowanie FROM uzytkownicy LIMIT 3;
+-------------+--------------------------------------------------------------+---------------------+
| login       | haslo_hash                                                   | ostatnie_logowanie  |
+-------------+--------------------------------------------------------------+---------------------+
| akowalska   | {bc()} | 2026-02-27 14:02:11 |
| pnowak      | {bc()} | 2026-02-28 08:15:40 |
| rejestracja | {bc()} | 2026-03-01 07:30:02 |
+-------------+--------------------------------------------------------------+---------------------+"""


# ================================================================== finance
GROUP_DESC["finance"] = "banks and insurers: mainframe JCL / RACF / CICS, core-banking batch, SWIFT, HSM and PKCS#11, SFTP drops, payment gateways"


@tpl("finance", "en", "secret", "password")
def f_jcl_job_card(r):
    p = racf_pw(r)
    return f"""This nightly job abends with S913 on the second step. JCL below — is it a dataset profile thing or the job card?

//GLPOST01 JOB (FIN,4410),'GL POSTING',CLASS=A,MSGCLASS=X,
//             NOTIFY=&SYSUID,USER=BATGL01,PASSWORD={S("password", p)}
//STEP010  EXEC PGM=IEFBR14
//DD1      DD DSN=PROD.GL.DAILY.POST,DISP=(MOD,DELETE),SPACE=(TRK,1)
//STEP020  EXEC PGM=GLP0100,PARM='RUNDATE=&LYYMMDD'
//STEPLIB  DD DSN=PROD.GL.LOADLIB,DISP=SHR
//GLIN     DD DSN=PROD.GL.EXTRACT.D260301,DISP=SHR
//GLOUT    DD DSN=PROD.GL.DAILY.POST,DISP=(NEW,CATLG),UNIT=SYSDA"""


@tpl("finance", "en", "secret", "password")
def f_racf_alteruser(r):
    p = racf_pw(r)
    return f"""Can you explain exactly what this does? A colleague at our Frankfurt data centre logged it in the change record after the batch user got locked out:

ALTUSER BATZV02 PASSWORD({S("password", p)}) NOEXPIRED RESUME
PERMIT 'PROD.ZV.**' CLASS(DATASET) ID(BATZV02) ACCESS(UPDATE)
SETROPTS GENERIC(DATASET) REFRESH

I don't get NOEXPIRED: does that mean the user doesn't have to change the password at next logon?"""


@tpl("finance", "en", "secret", "key_component")
def f_hsm_key_component(r):
    comp = " ".join(hx(r, 4, True) for _ in range(8))
    kcv = hx(r, 6, True)
    return f"""Ticket from the card-issuing team, can you tell me if this procedure is correct before I forward it to the key custodians?

"To re-load the ZMK on payShield 10K #2 use component 2 below, entered with the FK command at the console. Component 1 is held by Custodian A.

Component 2 (double length): {S("key_component", comp)}
KCV: {kcv}

After loading, verify the combined KCV matches the one on the ceremony sheet." """


@tpl("finance", "en", "secret", "pin")
def f_pkcs11_pin(r):
    c = pin(r, 8)
    return f"""I'm testing access to the Luna partition from the payment-signing server. This fails with CKR_PIN_INCORRECT, yet it's the Crypto Officer PIN I was given:

pkcs11-tool --module /usr/safenet/lunaclient/lib/libCryptoki2_64.so \\
  --slot 0 --login --pin {S("pin", c)} --list-objects --type privkey

Could the partition being "PED-authenticated" explain the error?"""


@tpl("finance", "en", "secret", "lau_key")
def f_swift_lau_halves(r):
    l, rr = rs(r, 16, AN), rs(r, 16, AN)
    return f"""Please rewrite this e-mail so it sounds less alarming for the auditors (it's already been sent, I just need a clean copy for the file):

From: payments-ops@
Subject: Alliance Access / SAG LAU reset

Hi both, after the SAG upgrade the LAU between Alliance Access and the gateway failed. I've reset it with the values below; please enter your half in the SAG console today.
Left half (Security Officer 1): {S("lau_key", l)}
Right half (Security Officer 2): {S("lau_key", rr)}
Thanks, Mark"""


@tpl("finance", "en", "secret", "ssh_private_key")
def f_sftp_bank_drop_key(r):
    k = openssh_key(r)
    return f"""We deliver the daily direct-debit files to the bank over SFTP with a key. The bank reports "authentication failed". This is the key on the batch server at /home/batch/.ssh/id_bank:

{S("ssh_private_key", k)}

We uploaded the public key through the bank portal last week. Does the private key need to be PEM instead of OpenSSH format?"""


@tpl("finance", "en", "secret", "stripe_secret_key")
def f_insurer_stripe_php(r):
    k = "sk_live_51" + rs(r, 97)
    return f"""Premium payments page for our pet insurance product. Why does Stripe say the PaymentIntent amount is invalid?

<?php
require 'vendor/autoload.php';
\\Stripe\\Stripe::setApiKey('{S("stripe_secret_key", k)}');

$monthly = $quote->monthlyPremium();   // e.g. 18.75
$intent = \\Stripe\\PaymentIntent::create([
    'amount' => $monthly,
    'currency' => 'gbp',
    'metadata' => ['policy' => $quote->policyNumber()],
]);"""


@tpl("finance", "en", "secret", "paystack_secret_key")
def f_paystack_verify(r):
    k = "sk_live_" + hx(r, 40)
    return f"""Our microinsurance app in Lagos verifies card payments like this, but sometimes the status is "abandoned" even though the customer was debited. What should we check?

const res = await fetch(`https://api.paystack.co/transaction/verify/${{reference}}`, {{
  headers: {{ Authorization: "Bearer {S("paystack_secret_key", k)}" }},
}});
const {{ data }} = await res.json();
if (data.status === "success") await activatePolicy(data.metadata.policy_id);"""


@tpl("finance", "id", "secret", "midtrans_server_key")
def f_midtrans_env(r):
    k = "Mid-server-" + rs(r, 24, B64U)
    c = "Mid-client-" + rs(r, 16, B64U)
    return f"""Halo, notifikasi pembayaran dari Midtrans ke aplikasi koperasi simpan pinjam kami selalu gagal verifikasi signature. Isi .env produksi:

APP_ENV=production
MIDTRANS_IS_PRODUCTION=true
MIDTRANS_SERVER_KEY={S("midtrans_server_key", k)}
MIDTRANS_CLIENT_KEY={c}
MIDTRANS_NOTIFICATION_URL=https://kspmakmur.co.id/api/midtrans/notify

Signature dihitung dari order_id + status_code + gross_amount + server key, betul kan? Apakah gross_amount harus pakai ".00"?"""


@tpl("finance", "ko", "secret", "toss_secret_key")
def f_toss_confirm(r):
    k = "live_sk_" + rs(r, 24)
    return f"""보험료 결제 승인 API 호출 코드인데 401 UNAUTHORIZED_KEY 에러가 나요. 시크릿 키 뒤에 콜론 붙이는 거 맞게 한 건가요?

const secretKey = "{S("toss_secret_key", k)}";
const encoded = Buffer.from(secretKey + ":").toString("base64");

await axios.post("https://api.tosspayments.com/v1/payments/confirm",
  {{ paymentKey, orderId, amount }},
  {{ headers: {{ Authorization: `Basic ${{encoded}}` }} }});"""


@tpl("finance", "hi", "secret", "razorpay_key_secret")
def f_razorpay_pair(r):
    kid = "rzp_live_" + rs(r, 14)
    sec = rs(r, 24)
    return f"""हमारी बीमा कंपनी की प्रीमियम भुगतान सेवा में Razorpay वेबहुक का सिग्नेचर मैच नहीं हो रहा। कॉन्फ़िग फ़ाइल यह है:

razorpay:
  key_id: {kid}
  key_secret: {S("razorpay_key_secret", sec)}
  webhook_path: /hooks/razorpay

क्या वेबहुक सिग्नेचर के लिए key_secret की जगह अलग webhook secret इस्तेमाल करना होता है?"""


@tpl("finance", "it", "secret", "password")
def f_corebank_batch_ini(r):
    p = pw(r, style="nonascii", lang="it", safe="ini")
    return f"""Il batch notturno di riconciliazione del core banking si ferma con ORA-01017. Ecco il file batch_riconc.ini:

[oracle]
tns = COREPRD
utente = BATCH_RICONC
password = {S("password", p)}
fetch_size = 5000

[output]
cartella = /batch/riconc/out
formato = CBI

La password è stata cambiata venerdì dal DBA: basta aggiornare qui o c'è anche un wallet da rigenerare?"""


@tpl("finance", "en", "secret", "password")
def f_cics_region_ticket(r):
    p = racf_pw(r)
    return f"""Ticket from the mainframe team at our Lisbon bank branch, I need to summarise it for the weekly report:

"CICS region CICSPRD3 cannot start the balance-enquiry transaction because surrogate user CICSUSR3 was revoked. We've resumed it with temporary password {S("password", p)} (must be changed at first logon via TSO). Please test transaction SALD before 14:00."

Summarise in two lines, not too technical."""


@tpl("finance", "ms", "secret", "xendit_secret_key")
def f_xendit_invoice(r):
    k = "xnd_production_" + rs(r, 50)
    return f"""Saya cuba buat invois untuk bayaran premium takaful guna Xendit, tapi dapat ralat INVALID_API_KEY. Kod Python saya:

import requests
resp = requests.post(
    "https://api.xendit.co/v2/invoices",
    auth=("{S("xendit_secret_key", k)}", ""),
    json={{"external_id": "TKF-2026-000931", "amount": 245.50, "currency": "MYR",
          "payer_email": "pelanggan@contoh.my"}},
)
print(resp.status_code, resp.text)

Adakah kunci ini hanya untuk Indonesia dan akaun Malaysia perlu kunci lain?"""


@tpl("finance", "en", "secret", "paypal_client_secret")
def f_paypal_client_secret(r):
    cid = "A" + rs(r, 79, B64U)
    sec = "E" + rs(r, 79, B64U)
    return f"""The insurer's payment gateway gets "invalid_client" when requesting a PayPal token in production. application-prod.yml:

paypal:
  mode: live
  client-id: {cid}
  client-secret: {S("paypal_client_secret", sec)}
  webhook-id: {rs(r, 17, UP + DG)}

Sandbox works with other credentials. Could the PayPal app still be in sandbox mode?"""


@tpl("finance", "en", "secret", "pgp_private_key")
def f_pgp_payment_files(r):
    body = b64(r, 900)
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    k = ("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + lines + "\n=" + rs(r, 4, B64) +
         "\n-----END PGP PRIVATE KEY BLOCK-----")
    return f"""Our Swedish bank requires the payment files (pain.001) to be encrypted and signed with PGP. I exported our key like this and pasted it into the integration platform's "Signing key" field, but it says "unsupported packet":

$ gpg --export-secret-keys --armor betalfiler@forsakring.se
{S("pgp_private_key", k)}

Does the platform need the key without a passphrase, or is it the wrong format?"""


@tpl("finance", "de", "secret", "password")
def f_ebics_keyfile_password(r):
    p = pw(r, safe="any", spaces=True)
    return f"""Bitte mach aus dieser Mail eine kurze Schritt-für-Schritt-Anleitung für die Buchhaltung:

"Hallo Frau Brandt,
für den EBICS-Zugang zur Sparkasse ist auf dem neuen Rechner die Schlüsseldatei unter C:\\Zahlungsverkehr\\EBICS\\ABC12345.key abgelegt. Beim ersten Start von Profi cash fragt das Programm nach dem Passwort für die Schlüsseldatei, es lautet: {S("password", p)}
Danach bitte den INI-Brief nicht erneut drucken, die Freischaltung ist schon erfolgt.
Viele Grüße, T. Weber (IT)" """


@tpl("finance", "zh", "secret", "tencent_cloud_secret")
def f_tencent_cos(r):
    sid = "AKID" + rs(r, 32)
    sk = rs(r, 32)
    return f"""银行对账单文件每天要上传到腾讯云 COS，这段代码报 SignatureDoesNotMatch，帮我看看哪里不对：

from qcloud_cos import CosConfig, CosS3Client

config = CosConfig(
    Region="ap-shanghai",
    SecretId="{S("tencent_secret_id", sid)}",
    SecretKey="{S("tencent_secret_key", sk)}",
)
client = CosS3Client(config)
client.upload_file(Bucket="recon-1250000000", LocalFilePath="stmt_20260301.csv",
                   Key="daily/stmt_20260301.csv")"""


# ---- finance negatives


@tpl("finance", "en", "not_secret", "account_number")
def f_iban_bic(r):
    return f"""Can you turn this payment instruction from our German subsidiary into a table?

Empfänger: Stadtwerke Nordhafen GmbH
IBAN: DE{digits(r, 2, False)} {digits(r, 4)} {digits(r, 4, False)} {digits(r, 4, False)} {digits(r, 4, False)} {digits(r, 2, False)}
BIC: NOLADE21{rs(r, 3, UP)}
Verwendungszweck: Abschlag März 2026, Kd.-Nr. {digits(r, 9)}
Betrag: 4.812,30 EUR
Ausführung: 15.03.2026"""


@tpl("finance", "en", "not_secret", "uuid")
def f_swift_gpi_uetr(r):
    u = uid(r)
    return f"""A customer says their payment to Singapore hasn't arrived. This is what our payments screen shows — what should I tell them?

Reference: FT26061{digits(r, 7)}
UETR: {u}
Status (gpi Tracker): ACSP / G002 — credit may not be confirmed
Last update: 2026-03-02 09:14 UTC, intermediary BKCHSGSG
Charges: SHA"""


@tpl("finance", "en", "not_secret", "key_check_value")
def f_key_ceremony_kcvs(r):
    rows = "\n".join(f"| {n:<10} | {hx(r, 6, True)} | {who} |" for n, who in
                     (("ZMK-ACQ", "A. Osei / L. Brandt"), ("PVK-2026", "L. Brandt / J. Koh"), ("CVK-2026", "J. Koh / A. Osei")))
    return f"""Please format these ceremony minutes as a table for the audit binder. Only check values are recorded; components stayed in the custodians' tamper-evident envelopes.

| Key        | KCV    | Custodians          |
|------------|--------|---------------------|
{rows}

Witness: Internal Audit (R. Singh). HSM: payShield 10K #1, serial PS10K-{digits(r, 6)}."""


@tpl("finance", "en", "not_secret", "secret_reference")
def f_jcl_symbolic_password(r):
    return """Our standards team wants no passwords in JCL. Is this approach with the symbolic and the PassTicket program OK, or will the FTP step still prompt?

//FTPSTMT  JOB (FIN),'SEND STMTS',CLASS=A,MSGCLASS=X
//         SET PW=
//GENPT    EXEC PGM=PTKTGEN,PARM='APPL=FTPAPPL,USER=BATSTMT'
//PTOUT    DD DSN=&&PTKT,DISP=(NEW,PASS)
//SEND     EXEC PGM=FTP,PARM='(EXIT'
//INPUT    DD *
  ftp.partnerbank.example 21
  BATSTMT
  &PW
  PUT 'PROD.STMT.DAILY' stmt.txt
  QUIT
/*"""


@tpl("finance", "en", "not_secret", "no_credential")
def f_racf_listuser(r):
    return f"""Why can't this batch user log on? LISTUSER output:

USER=BATREC03  NAME=RECONCILIATION B  OWNER=BATCHGRP  CREATED=24.118
 DEFAULT-GROUP=BATCHGRP PASSDATE=26.041 PASS-INTERVAL=N/A PHRASEDATE=N/A
 ATTRIBUTES=PROTECTED
 REVOKE DATE=NONE   RESUME DATE=NONE
 LAST-ACCESS=26.060/02:14:07
 CLASS AUTHORIZATIONS=NONE
 LOGON ALLOWED   (DAYS)          (TIME)
 ---------------------------------------------
 ANYDAY                          ANYTIME

Someone said PROTECTED means it has no password at all — so how is the job supposed to run under it?"""


@tpl("finance", "en", "not_secret", "redacted")
def f_masked_pan_logs(r):
    def pan():
        return f"{r.choice(['4970', '5132', '4012'])} **** **** {digits(r, 4, False)}"
    return f"""Can you explain these declines in the virtual terminal logs of our French shop? The provider says it's on the issuer side.

2026-03-01T10:02:11 AUTH card={pan()} amount=89.90 EUR rc=05 (Ne pas honorer)
2026-03-01T10:05:43 AUTH card={pan()} amount=12.00 EUR rc=51 (Provision insuffisante)
2026-03-01T10:11:09 AUTH card={pan()} amount=240.00 EUR rc=A1 (SCA requise)

Does code A1 mean we have to retry with 3-D Secure?"""


@tpl("finance", "en", "not_secret", "publishable_key")
def f_stripe_publishable(r):
    k = "pk_live_51" + rs(r, 97)
    return f"""On the quote page the card field never renders. Console says "IntegrationError: Please call Stripe() with your publishable key". This is our checkout.js:

const stripe = Stripe('{k}', {{ locale: 'en-GB' }});
const elements = stripe.elements({{ clientSecret: window.__PI_CLIENT_SECRET__ }});
const card = elements.create('payment');
card.mount('#payment-element');

The key is right there, so what's it complaining about?"""


@tpl("finance", "id", "not_secret", "public_client_key")
def f_midtrans_client_key(r):
    c = "Mid-client-" + rs(r, 16, B64U)
    return f"""Popup Snap Midtrans di halaman pembayaran cicilan tidak muncul di iPhone. Potongan HTML-nya:

<script src="https://app.midtrans.com/snap/snap.js"
        data-client-key="{c}"></script>
<script>
  document.getElementById('bayar').onclick = function () {{
    window.snap.pay('{{{{ snap_token }}}}');
  }};
</script>

Apakah Safari memblokir popup karena snap.pay dipanggil setelah fetch?"""


@tpl("finance", "ko", "not_secret", "public_client_key")
def f_toss_client_key(r):
    c = "live_ck_" + rs(r, 24)
    return f"""결제위젯이 모바일 웹뷰에서만 안 떠요. 프론트엔드 코드예요. 클라이언트 키는 브라우저에 노출돼도 되는 키 맞죠?

const widgets = TossPayments("{c}").widgets({{ customerKey: ANONYMOUS }});
await widgets.setAmount({{ currency: "KRW", value: 38000 }});
await widgets.renderPaymentMethods({{ selector: "#payment-method" }});"""


@tpl("finance", "pt", "not_secret", "encrypted_blob")
def f_ansible_vault_blob(r):
    body = hx(r, 320)
    lines = "\n".join("          " + body[i:i + 80] for i in range(0, len(body), 80))
    return f"""Esta variável do inventário do Ansible do core bancário dá erro "Decryption failed (no vault secrets were found)". O que falta?

db_core_password: !vault |
          $ANSIBLE_VAULT;1.1;AES256
{lines}

Executo com: ansible-playbook deploy-core.yml -i prod/"""


@tpl("finance", "en", "not_secret", "public_key")
def f_hsm_public_key(r):
    k = pem(r, "PUBLIC KEY", 294)
    return f"""We're sending the public half of our HSM-generated signing key to the correspondent bank in Osaka. This is the PEM export. Is it fine to hand over in this form?

{k}

The private key is non-extractable (CKA_EXTRACTABLE=false) and never leaves the HSM."""


@tpl("finance", "en", "not_secret", "encrypted_blob")
def f_spring_cipher(r):
    c = hx(r, 96)
    return f"""In the config server for our Italian claims application the DB password is encrypted like this. Why does the service log "Cannot decrypt: key=spring.datasource.password" at startup?

spring:
  datasource:
    url: jdbc:db2://db2prd.assicura.local:50000/SINISTRI
    username: app_sinistri
    password: '{{cipher}}{c}'

ENCRYPT_KEY is set only on the config server, not on the clients."""


@tpl("finance", "en", "not_secret", "identifier")
def f_swift_mt103(r):
    return f"""Explain field by field what this MT103 says, for a new colleague in payments ops:

{{1:F01DEUTDEFFAXXX{digits(r, 10)}}}{{2:I103CHASUS33XXXXN}}{{3:{{121:{uid(r)}}}}}
{{4:
:20:REF{digits(r, 10)}
:23B:CRED
:32A:260302USD125000,00
:50K:/DE{digits(r, 20)}
MUELLER MASCHINENBAU GMBH
:59:/{digits(r, 12)}
ACME INDUSTRIAL SUPPLY INC
:71A:SHA
-}}"""


@tpl("finance", "ar", "not_secret", "password_policy")
def f_online_banking_policy(r):
    return """أرجو إعادة صياغة هذه الإرشادات لتكون أوضح لعملاء الخدمات المصرفية عبر الإنترنت:

- يجب أن تتكون كلمة المرور من 10 أحرف على الأقل وتحتوي على حرف كبير ورقم ورمز خاص.
- لا يُسمح بإعادة استخدام آخر خمس كلمات مرور.
- يتم قفل الحساب بعد خمس محاولات دخول فاشلة ولمدة 30 دقيقة.
- لن يطلب منك البنك كلمة المرور أو رمز التحقق عبر الهاتف أو البريد الإلكتروني أبداً.
- يجب تغيير كلمة المرور كل 180 يوماً."""


@tpl("finance", "sv", "not_secret", "rotation_notice")
def f_sftp_key_rotation(r):
    fp = b64(r, 32).rstrip("=")
    return f"""Kan du göra detta meddelande till kunderna lite kortare?

"Den 15 april byter vi värdnyckel för vår SFTP-tjänst för filöverföring (sftp.filer.banken.se). Den nya ED25519-nyckeln har fingeravtrycket SHA256:{fp}. Kontrollera att er klient visar detta fingeravtryck vid första anslutningen efter bytet. Era inloggningsuppgifter och nycklar påverkas inte." """


@tpl("finance", "hi", "not_secret", "publishable_key")
def f_razorpay_key_id_only(r):
    kid = "rzp_live_" + rs(r, 14)
    return f"""पॉलिसी नवीनीकरण पेज पर Razorpay चेकआउट खुलता है लेकिन UPI विकल्प नहीं दिखता। फ्रंटएंड कोड:

var options = {{
  key: "{kid}",
  amount: 1249900,
  currency: "INR",
  name: "सुरक्षा जीवन बीमा",
  order_id: orderIdFromServer,
  prefill: {{ contact: "+919800000000" }}
}};
new Razorpay(options).open();

key_secret सर्वर पर ही है, ब्राउज़र में सिर्फ़ key_id भेजते हैं। क्या UPI डैशबोर्ड से अलग से चालू करना पड़ता है?"""


@tpl("finance", "tr", "not_secret", "password_prompt")
def f_pkcs11_pin_prompt(r):
    return """HSM bölümüne bağlanırken komut PIN soruyor ama yazdığımda hiçbir şey görünmüyor, takıldı mı?

$ pkcs11-tool --module /opt/procrypt/lib/libprocryptoki.so --slot 1 --login --list-objects
Using slot 1 with a present token (0x1)
Logging in to "EFT-IMZA-01".
Please enter User PIN:

İmleç öylece bekliyor. Bir şey yazınca ekranda yıldız bile çıkmıyor, normal mi?"""


# ================================================================== public
GROUP_DESC["public"] = "government and education: school MIS, LMS (Moodle, Canvas), SIS integrations, e-signature, tax portals, municipal apps"


@tpl("public", "en", "secret", "password")
def p_moodle_config(r):
    p = pw(r, safe="ini")
    return f"""Our Moodle site shows "Error reading from database" since the DB server moved. config.php (top part):

<?php
unset($CFG);
global $CFG;
$CFG = new stdClass();

$CFG->dbtype    = 'mariadb';
$CFG->dblibrary = 'native';
$CFG->dbhost    = 'db-lms-02.district14.k12.us';
$CFG->dbname    = 'moodle';
$CFG->dbuser    = 'moodleuser';
$CFG->dbpass    = '{S("password", p)}';
$CFG->prefix    = 'mdl_';
$CFG->wwwroot   = 'https://learn.district14.k12.us';

Do I also need to update dboptions for the new port?"""


@tpl("public", "en", "secret", "moodle_ws_token")
def p_moodle_wstoken(r):
    t = hx(r, 32)
    return f"""The script that imports the collège's grades into Moodle returns "invalidtoken" for some functions only. The call:

curl "https://moodle.college-jmoulin.fr/webservice/rest/server.php?wstoken={S("moodle_ws_token", t)}&wsfunction=core_grades_update_grades&moodlewsrestformat=json&source=ent&courseid=214&component=mod_assign&activityid=88"

core_course_get_courses works. Does the external service have to allow each function separately?"""


@tpl("public", "en", "secret", "canvas_access_token")
def p_canvas_sis_sync(r):
    t = r.choice(["7", "1", "10"]) + "~" + rs(r, 64)
    return f"""Can you make this SIS-to-Canvas enrolment sync handle pagination? Right now it only gets the first 10 sections.

import requests

CANVAS = "https://canvas.westfield.edu/api/v1"
TOKEN = "{S("canvas_access_token", t)}"
H = {{"Authorization": f"Bearer {{TOKEN}}"}}

sections = requests.get(f"{{CANVAS}}/courses/sis_course_id:2026SP-BIO101/sections", headers=H).json()
for s in sections:
    print(s["id"], s["sis_section_id"], s["name"])"""


@tpl("public", "en", "secret", "password")
def p_schulverwaltung_ldap(r):
    p = pw(r, safe="ini")
    return f"""I volunteer as IT admin for a primary school in Bavaria. The school-management software should read teacher accounts from the school AD, but the LDAP test in the admin area fails with "Invalid credentials (49)". ldap.ini:

[ldap]
server = ldaps://dc01.gs-lindenhof.schule.local:636
base_dn = OU=Lehrkraefte,DC=gs-lindenhof,DC=schule,DC=local
bind_dn = CN=svc-schulverwaltung,OU=Dienstkonten,DC=gs-lindenhof,DC=schule,DC=local
bind_pw = {S("password", p)}
filter = (objectClass=user)

Should bind_dn be in UPN format instead?"""


@tpl("public", "en", "secret", "private_key")
def p_docusign_jwt_key(r):
    k = pem(r, "RSA PRIVATE KEY", 1190)
    ik = uid(r)
    uidv = uid(r)
    return f"""The county's permit system sends documents for e-signature through DocuSign with JWT grant. We get "consent_required" even though an admin granted consent. Config (docusign.yml):

integration_key: {ik}
impersonated_user_id: {uidv}
auth_server: account.docusign.com
private_key: |
{chr(10).join("  " + ln for ln in S("private_key", k).split(chr(10)))}
scopes: [signature, impersonation]"""


@tpl("public", "de", "secret", "password")
def p_elster_certificate_mail(r):
    p = pw(r, safe="any")
    return f"""Kannst du mir helfen, diese Nachricht an unseren Steuerberater höflicher zu formulieren?

"Hi Herr Yilmaz, anbei die ELSTER-Zertifikatsdatei für den Verein (Förderverein Grundschule am Park e.V.). Das Passwort für die .pfx ist {S("password", p)} – bitte die Umsatzsteuer-Voranmeldung für Februar damit übermitteln. Danke!"

Ich will nicht zu salopp klingen."""


@tpl("public", "hi", "secret", "password")
def p_income_tax_portal(r):
    p = pw(r, safe="any")
    return f"""मेरे चाचा ने व्हाट्सऐप पर यह भेजा है, वे चाहते हैं कि मैं उनका ITR भर दूँ:

"बेटा, इनकम टैक्स पोर्टल का लॉगिन — यूज़र आईडी मेरा PAN है, पासवर्ड {S("password", p)} है। OTP मेरे फ़ोन पर आएगा तो फ़ोन कर लेना।"

क्या किसी और की ओर से ITR भरने के लिए 'Authorised Representative' वाला विकल्प बेहतर रहेगा? स्टेप्स बताइए।"""


@tpl("public", "cs", "secret", "password")
def p_school_wifi(r):
    p = pw(r, safe="any", spaces=True)
    return f"""Můžeš z toho udělat hezký leták na nástěnku ve sborovně?

Wi-Fi pro učitele (od 1. 3.)
Síť: ZS-Ucitele
Heslo: {S("password", p)}
Síť pro žáky zůstává ZS-Zaci a heslo k ní znají třídní učitelé.
Problémy hlaste panu Dvořákovi (ICT koordinátor), kabinet 214."""


@tpl("public", "en", "secret", "api_key")
def p_clever_district_token(r):
    t = hx(r, 40)
    return f"""Our rostering sync with Clever stopped returning new students after winter break. Request I'm testing with:

GET https://api.clever.com/v3.0/users?role=student&limit=100
Authorization: Bearer {S("api_key", t)}

Response has 100 users and a "next" link, but the new kids from January aren't in any page. Is the district token scoped to an old school year?"""


@tpl("public", "en", "secret", "azure_client_secret")
def p_kommun_graph_secret(r):
    s = azure_client_secret(r)
    return f"""The Swedish municipality's script that creates a Teams group per school class gets 401 from Microsoft Graph. This is how we get the token:

$tenant = "{uid(r)}"
$appId  = "{uid(r)}"
$secret = "{S("azure_client_secret", s)}"
$body = @{{ client_id = $appId; client_secret = $secret; scope = "https://graph.microsoft.com/.default"; grant_type = "client_credentials" }}
$tok = Invoke-RestMethod -Method Post -Uri "https://login.microsoftonline.com/$tenant/oauth2/v2.0/token" -Body $body

Did we forget admin consent for Group.ReadWrite.All?"""


@tpl("public", "en", "secret", "django_secret_key")
def p_university_django(r):
    k = rs(r, 50, LO + DG + "!@%^*(-_=+)")
    return f"""The university enrolment portal (Spain) gives "CSRF verification failed" in production only. settings/produccion.py:

from .base import *

DEBUG = False
SECRET_KEY = "{S("django_secret_key", k)}"
ALLOWED_HOSTS = ["matricula.uni-ejemplo.edu.es"]
CSRF_TRUSTED_ORIGINS = ["https://matricula.uni-ejemplo.edu.es"]
SESSION_COOKIE_SECURE = True

There's a load balancer in front that terminates TLS. Am I missing SECURE_PROXY_SSL_HEADER?"""


@tpl("public", "id", "secret", "laravel_app_key")
def p_sekolah_laravel_env(r):
    k = "base64:" + b64(r, 32)
    p = pw(r, safe="ini")
    return f"""Aplikasi rapor digital sekolah kami error 500 setelah dipindah ke server dinas pendidikan. Ini .env-nya:

APP_NAME="Rapor Digital SMPN 4"
APP_ENV=production
APP_KEY={S("laravel_app_key", k)}
APP_DEBUG=false
DB_CONNECTION=mysql
DB_HOST=10.12.0.5
DB_DATABASE=rapor
DB_USERNAME=rapor_app
DB_PASSWORD={S("password", p)}

Log-nya bilang "The MAC is invalid". Apakah karena APP_KEY-nya beda dengan server lama?"""


@tpl("public", "ko", "secret", "kakao_rest_api_key")
def p_cityhall_kakao(r):
    k = hx(r, 32)
    return f"""구청 민원 안내 챗봇에서 주소 검색이 갑자기 401을 반환합니다. 코드 확인 부탁드려요.

import requests
KAKAO_REST_KEY = "{S("kakao_rest_api_key", k)}"

def 주소검색(query):
    r = requests.get("https://dapi.kakao.com/v2/local/search/address.json",
                     params={{"query": query}},
                     headers={{"Authorization": f"KakaoAK {{KAKAO_REST_KEY}}"}})
    return r.json()

카카오 개발자 콘솔에서 플랫폼 등록을 다시 해야 하나요?"""


@tpl("public", "th", "secret", "line_channel_token")
def p_school_line_oa(r):
    tok = b64(r, 129).rstrip("=") + "="
    sec = hx(r, 32)
    return f"""โรงเรียนใช้ LINE Official Account แจ้งข่าวผู้ปกครอง แต่บอทตอบกลับไม่ได้ ขึ้น 401 ครับ ไฟล์ config.json:

{{
  "channelAccessToken": "{S("line_channel_token", tok)}",
  "channelSecret": "{S("line_channel_secret", sec)}",
  "webhookPath": "/line/webhook"
}}

ต้องออก channel access token ใหม่ทุก 30 วันหรือเปล่าครับ?"""


@tpl("public", "ja", "secret", "pin")
def p_mynumber_card_pin(r):
    c = pin(r, 4)
    return f"""母の確定申告を e-Tax でやってあげたいのですが、母からこんなメモを預かりました。

「マイナンバーカードの利用者証明用の暗証番号は {S("pin", c)}。署名用のパスワードは忘れたので区役所で再設定する予定。」

署名用パスワードが無いと e-Tax の提出はできませんか？ スマホ用電子証明書で代わりにできるか知りたいです。"""


@tpl("public", "tr", "secret", "google_api_key")
def p_belediye_geocoding(r):
    k = "AIza" + rs(r, 35, B64U)
    return f"""Belediyenin arka uç servisi adresleri koordinata çevirirken günlük kotayı aşıyor. Bu anahtar sunucu tarafında kullanılıyor ve herhangi bir kısıtlaması yok, Cloud Console'da "API restrictions: None" yazıyor:

GEOCODE_URL = "https://maps.googleapis.com/maps/api/geocode/json"
API_KEY = "{S("google_api_key", k)}"

def koordinat(adres):
    return requests.get(GEOCODE_URL, params={{"address": adres + ", Eskişehir", "key": API_KEY}}).json()

Sonuçları önbelleğe almak kotayı düşürür mü?"""


# ---- public negatives


@tpl("public", "en", "not_secret", "public_key")
def p_lti_jwks(r):
    n = b64url(r, 256)
    return f"""We're registering our LTI 1.3 tool with the state university's Canvas. They asked for our public JWKS; is this what they need?

{{
  "keys": [
    {{
      "kty": "RSA",
      "alg": "RS256",
      "use": "sig",
      "kid": "{hx(r, 16)}",
      "e": "AQAB",
      "n": "{n}"
    }}
  ]
}}

It's served at https://tools.edtechco.io/lti/.well-known/jwks.json."""


@tpl("public", "en", "not_secret", "identifier")
def p_canvas_ids(r):
    return f"""Why does this enrollment API call return "user not found" when the student clearly exists in the SIS?

POST /api/v1/sections/sis_section_id:2026SP-MATH210-02/enrollments
enrollment[user_id]=sis_user_id:S{digits(r, 8)}
enrollment[type]=StudentEnrollment
enrollment[enrollment_state]=active

Canvas user id: {digits(r, 6)}, login_id: {digits(r, 8)}@westfield.edu, SIS user id shown in the profile: {digits(r, 8)}"""


@tpl("public", "en", "not_secret", "placeholder")
def p_registro_placeholder(r):
    return """I'm writing the guide for Italian school offices on configuring the export to the electronic register. Is this example OK?

[registro]
url = https://registro.esempio.edu.it/api
codice_scuola = <CODICE_MECCANOGRAFICO>
utente = <utente_segreteria>
password = <password_personale_della_segreteria>
anno = 2025/2026

I want it to be obvious that the values between < > must be replaced."""


@tpl("public", "en", "not_secret", "identifier")
def p_leerlingnummers(r):
    rows = "\n".join(f"{digits(r, 6)};{n};{k};{digits(r, 9)}" for n, k in
                     (("Sanne de Vries", "2B"), ("Yusuf Demir", "2B"), ("Lotte Janssen", "3A")))
    return f"""Can you explain why the Dutch pupil-tracking system rejects these lines on import? Error: "onderwijsnummer ongeldig".

leerlingnummer;naam;klas;onderwijsnummer
{rows}

The file was exported from the old administration system."""


@tpl("public", "en", "not_secret", "uuid")
def p_esign_envelope(r):
    return f"""The town hall uses e-signature for council decrees. One document has been "pending" for 3 days. Envelope details:

Envelope ID: {uid(r)}
Account: {uid(r)}
Signer 1: the Mayor — status: signed
Signer 2: Director-General of Services — status: sent (reminder on 28/02)
Template: {uid(r)}

Can we remind signer 2 without recreating the envelope?"""


@tpl("public", "en", "not_secret", "public_client_key")
def p_google_sso_client_id(r):
    cid = digits(r, 12) + "-" + rs(r, 32, LO + DG) + ".apps.googleusercontent.com"
    return f"""Students get "Error 400: redirect_uri_mismatch" when they click "Sign in with Google" on the library portal. The front end initialises like this:

google.accounts.id.initialize({{
  client_id: "{cid}",
  callback: handleCredentialResponse,
  ux_mode: "redirect",
  login_uri: "https://library.springvale.edu/auth/google"
}});

Which redirect URI do I need to add in the console?"""


@tpl("public", "pl", "not_secret", "out_of_band_notice")
def p_reset_sms_parent(r):
    return """Popraw proszę ten komunikat do rodziców, żeby był krótszy:

"Szanowni Państwo, w związku z przejściem na nowy dziennik elektroniczny wszystkie konta rodziców zostały utworzone na nowo. Login to adres e-mail podany w sekretariacie. Hasło startowe zostanie wysłane SMS-em na numer telefonu rodzica w ciągu 24 godzin; przy pierwszym logowaniu system poprosi o jego zmianę. Sekretariat nie podaje haseł telefonicznie." """


@tpl("public", "es", "not_secret", "password_policy")
def p_tax_portal_policy(r):
    return """Resume estos requisitos de la sede electrónica de hacienda para ponerlos en una tabla:

La clave de acceso debe tener entre 8 y 16 caracteres, incluir al menos una mayúscula, una minúscula y un número, y no puede contener el NIF ni la fecha de nacimiento. Caduca a los 12 meses. Tras 5 intentos fallidos el acceso queda bloqueado 24 horas y solo puede desbloquearse con certificado digital o Cl@ve PIN. La sede nunca le pedirá la clave por correo electrónico ni por teléfono."""


@tpl("public", "en", "not_secret", "secret_reference")
def p_k8s_sis_secretref(r):
    return """Is this the right way to give the SIS-sync CronJob its API credentials? The pod crashes with "CreateContainerConfigError".

apiVersion: batch/v1
kind: CronJob
metadata:
  name: sis-sync
  namespace: edu-integrations
spec:
  schedule: "15 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: sync
              image: registry.district14.k12.us/sis-sync:2.3.1
              env:
                - name: SIS_CLIENT_SECRET
                  valueFrom:
                    secretKeyRef:
                      name: sis-oauth
                      key: client-secret
          restartPolicy: OnFailure"""


@tpl("public", "de", "not_secret", "doc_default_credential")
def p_lms_manual_default(r):
    return """Aus dem Installationshandbuch unserer Lernplattform (Kapitel 2.4). Kannst du das für die Schul-IT zusammenfassen?

"Nach der Erstinstallation ist ein Administrationskonto mit dem Benutzernamen admin und dem Kennwort admin angelegt. Dieses Kennwort muss bei der ersten Anmeldung geändert werden; die Plattform lässt bis dahin keine anderen Aktionen zu. Ändern Sie außerdem die Standard-E-Mail-Adresse admin@localhost."

Wir haben das bei der Installation schon erledigt."""


@tpl("public", "en", "not_secret", "password_hint")
def p_student_portal_hint(r):
    return """My son forgot his student-portal password. In his notebook he only wrote this hint:

"hint: our first cat's name + the year I started school"

Can the password be recovered from the portal without his school e-mail? What steps should we take with the school office?"""


@tpl("public", "vi", "not_secret", "redacted")
def p_dvc_redacted_log(r):
    return f"""Cổng dịch vụ công của tỉnh báo lỗi khi đồng bộ hồ sơ sang hệ thống một cửa. Log như sau, mình đã che token:

[2026-03-02 08:15:02] INFO  POST https://motcua.tinh.gov.vn/api/hoso/dongbo
[2026-03-02 08:15:02] DEBUG headers={{'Authorization': 'Bearer ***', 'X-Ma-Don-Vi': '000.00.{digits(r, 2)}.H{digits(r, 2)}'}}
[2026-03-02 08:15:03] ERROR 422 {{"ma_loi":"HS_TRUNG","mo_ta":"Mã hồ sơ đã tồn tại"}}

Lỗi HS_TRUNG có phải do gửi lại hồ sơ hai lần không?"""


@tpl("public", "zh", "not_secret", "version_string")
def p_gov_app_version(r):
    return f"""政务服务 App 在部分安卓手机上闪退，后台给的版本信息如下，帮我写一份给厂商的问题说明：

应用版本：6.{r.randint(1, 9)}.{r.randint(0, 20)}（build {digits(r, 8)}）
SDK 版本：ocr-sdk 3.2.{r.randint(1, 9)}, face-verify 2.{r.randint(0, 9)}.{r.randint(0, 9)}
系统：Android 14, HarmonyOS 4.2
崩溃堆栈哈希：{hx(r, 16)}"""


@tpl("public", "en", "not_secret", "publishable_key")
def p_recaptcha_site_key(r):
    k = "6L" + rs(r, 38, B64U)
    return f"""The council's permit application form shows "ERROR for site owner: Invalid domain for site key" on the new subdomain. Form snippet:

<form action="/permits/apply" method="POST">
  ...
  <div class="g-recaptcha" data-sitekey="{k}"></div>
  <button type="submit">Submit application</button>
</form>

The secret key is only in the backend. Do I add permits.harlowcouncil.gov.uk to the domain list?"""


@tpl("public", "zh", "secret", "wechat_app_secret")
def p_wechat_miniprogram(r):
    appid = "wx" + hx(r, 16)
    sec = hx(r, 32)
    return f"""区政务服务小程序的后台用 code 换 openid 一直返回 40125 invalid appsecret，帮我看看：

import requests

APPID = "{appid}"
APPSECRET = "{S("wechat_app_secret", sec)}"

def 登录(code):
    url = "https://api.weixin.qq.com/sns/jscode2session"
    params = {{"appid": APPID, "secret": APPSECRET, "js_code": code, "grant_type": "authorization_code"}}
    return requests.get(url, params=params, timeout=5).json()

上周外包公司在公众平台上“重置”过一次 AppSecret，是不是这里还是旧的？"""


# ================================================================== telecom
GROUP_DESC["telecom"] = "telecom: SIP trunks, VoIP phones, PBX configs, SMS gateways, SMPP, RADIUS, SNMP, SIM cards"


@tpl("telecom", "en", "secret", "password")
def t_asterisk_sip_conf(r):
    p = rs(r, 16, AN)
    trunk_user = "4420338" + digits(r, 5)
    return f"""Inbound calls on our SIP trunk work, but outbound gets 403 Forbidden. sip.conf for the trunk:

[voipco-trunk]
type=peer
host=sip.voipco.net
defaultuser={trunk_user}
fromuser={trunk_user}
secret={S("password", p)}
fromdomain=sip.voipco.net
insecure=port,invite
context=from-trunk
disallow=all
allow=alaw,ulaw

The provider says the registration is fine. What else gives 403 on INVITE?"""


@tpl("telecom", "en", "secret", "password")
def t_pjsip_auth(r):
    p = pw(r, safe="ini")
    return f"""After migrating from chan_sip to PJSIP, the extensions at the GP practice don't register any more. pjsip.conf excerpt:

[201]
type=endpoint
context=praxis-intern
disallow=all
allow=g722,alaw
auth=201-auth
aors=201

[201-auth]
type=auth
auth_type=userpass
username=201
password={S("password", p)}

[201]
type=aor
max_contacts=2

The phone (Snom D735) shows "401 Unauthorized". Is it the duplicate section names?"""


@tpl("telecom", "en", "secret", "password")
def t_yealink_provisioning(r):
    p = rs(r, 12, AN)
    return f"""We provision the Yealink phones in the Lyon branch with this <MAC>.cfg file, but the account stays at "Registration failed". Any idea?

#!version:1.0.0.1
account.1.enable = 1
account.1.label = Accueil
account.1.display_name = Accueil Agence Lyon
account.1.auth_name = 3301
account.1.user_name = 3301
account.1.password = {S("password", p)}
account.1.sip_server.1.address = pbx.agence-lyon.local
account.1.sip_server.1.port = 5060
account.1.sip_server.1.transport_type = 0

The same file works on a T54W but not on the T31G."""


@tpl("telecom", "id", "secret", "password")
def t_kannel_smpp(r):
    p = rs(r, 8, AN)
    return f"""Kannel kami gagal bind ke SMSC operator sejak pagi (bind_transceiver ditolak, ESME_RINVPASWD). Potongan kannel.conf:

group = smsc
smsc = smpp
smsc-id = operator-a
host = 10.{r.randint(1, 200)}.{r.randint(0, 254)}.{r.randint(2, 254)}
port = 2775
transceiver-mode = true
smsc-username = bpjsnotif
smsc-password = {S("password", p)}
system-type = ""
enquire-link-interval = 30

Operator bilang password sudah di-reset minggu lalu. Apakah panjangnya maksimal 8 karakter?"""


@tpl("telecom", "en", "secret", "vonage_api_secret")
def t_vonage_sms(r):
    k, s = hx(r, 8), rs(r, 16)
    return f"""Our appointment-confirmation SMS fails with "Bad Credentials" only from the new server. Code:

const {{ Vonage }} = require('@vonage/server-sdk');
const vonage = new Vonage({{
  apiKey: "{k}",
  apiSecret: "{S("vonage_api_secret", s)}",
}});
await vonage.sms.send({{ to: patient.mobile, from: "ClinicNow", text: msg }});

Could the IP allow-list on the Vonage account be the cause?"""


@tpl("telecom", "nl", "secret", "messagebird_access_key")
def t_messagebird_key(r):
    k = rs(r, 25)
    return f"""Het versturen van sms-notificaties vanuit ons ticketsysteem werkt niet meer. In de instellingen staat:

SMS-provider: MessageBird
Access key (live): {S("messagebird_access_key", k)}
Afzender: ServiceDesk
Fallback: e-mail

De logregel zegt "Request not allowed (incorrect access_key)". Moeten we misschien overstappen naar de nieuwe Bird API?"""


@tpl("telecom", "en", "secret", "snmp_community")
def t_snmp_community_rw(r):
    c = rs(r, 14, AN)
    return f"""Our monitoring can read interface counters on the branch routers but can't set anything. Relevant part of the running-config:

snmp-server community public RO 10
snmp-server community {S("snmp_community", c)} RW 11
snmp-server location Branch-Leeds-Rack2
snmp-server contact noc@regional-telco.co.uk
access-list 10 permit 10.40.0.0 0.0.255.255
access-list 11 permit 10.40.9.15

Is ACL 11 blocking the new poller at 10.40.9.16?"""


@tpl("telecom", "en", "secret", "radius_secret")
def t_freeradius_clients(r):
    s = rs(r, 20, AN)
    return f"""The access points in the new office don't authenticate against FreeRADIUS ("Ignoring request from unknown client"). clients.conf:

client ap-oficina-centro {{
    ipaddr = 172.20.14.0/24
    secret = {S("radius_secret", s)}
    shortname = ap-centro
    nas_type = other
}}

Do I have to restart radiusd after adding a client, or is a reload enough?"""


@tpl("telecom", "ar", "secret", "pin")
def t_voicemail_pin_email(r):
    c = pin(r, 6)
    return f"""هل يمكنك تحويل هذه الرسالة إلى تعليمات قصيرة للموظفين الجدد؟

"مرحباً أستاذ خالد، تم تفعيل البريد الصوتي على تحويلتك 2174. للاستماع إلى الرسائل اطلب *97 من هاتف المكتب وأدخل الرمز السري {S("pin", c)} ثم علامة #. يرجى تغيير الرمز بعد أول دخول من خلال الخيار 0 ثم 5."

شكراً."""


@tpl("telecom", "vi", "secret", "pin")
def t_sim_puk(r):
    p1, p2 = pin(r, 4), pin(r, 8)
    return f"""Máy tính bảng của đội kỹ thuật hiện trường bị khóa SIM sau khi nhập sai mã PIN. Nhà mạng gửi tin nhắn như sau:

"Quy khach vui long nhap ma PUK {S("pin", p2)} de mo khoa SIM so 09{digits(r, 8)}. Sau do dat lai ma PIN moi. Ma PIN mac dinh cu la {S("pin", p1)}."

Nếu nhập sai PUK 10 lần thì sao? Mình nên hướng dẫn anh em thế nào để không bị khóa nữa?"""


@tpl("telecom", "th", "secret", "api_key")
def t_thai_sms_gateway(r):
    k, s = rs(r, 32, LO + DG), rs(r, 32, LO + DG)
    return f"""ระบบแจ้งเตือนนัดหมายส่ง SMS ผ่านผู้ให้บริการเจ้าหนึ่งไม่ได้ ขึ้น "Unauthorized" ตลอด โค้ด PHP:

$ch = curl_init("https://api.smsgw.co.th/v2/sms");
curl_setopt($ch, CURLOPT_USERPWD, "{S("api_key", k)}:{S("api_key", s)}");
curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode([
    "sender" => "NOTIFY", "msisdn" => ["0812345678"], "message" => "นัดหมายพรุ่งนี้ 10:00 น."
]));

api key กับ secret ต้องเข้ารหัส base64 เองก่อนหรือเปล่าครับ?"""


@tpl("telecom", "pl", "secret", "password")
def t_3cx_handover(r):
    p = pw(r, style="nonascii", lang="pl", safe="any")
    return f"""Przerób te notatki z przekazania centrali na porządną stronę w wiki:

- Centrala 3CX v20, konsola: https://firma-ostrowski.3cx.pl:5001
- login admina: admin.ostrowski
- hasło: {S("password", p)}
- trunk SIP: operator Netia, 4 kanały, numer główny 22 {digits(r, 3)} {digits(r, 2)} {digits(r, 2)}
- kopia zapasowa codziennie 02:00 na NAS (\\\\nas01\\backup\\3cx)
- aktualizacje w pierwszy wtorek miesiąca po 18:00"""


@tpl("telecom", "zh", "secret", "dingtalk_access_token")
def t_dingtalk_robot(r):
    at = hx(r, 64)
    sec = "SEC" + hx(r, 64)
    return f"""呼叫中心的话务告警脚本要推送到钉钉群，但一直返回 310000 "sign not match"。代码如下：

import time, hmac, hashlib, base64, urllib.parse, requests
access_token = "{S("dingtalk_access_token", at)}"
secret = "{S("dingtalk_sign_secret", sec)}"
ts = str(round(time.time() * 1000))
sign = base64.b64encode(hmac.new(secret.encode(), f"{{ts}}\\n{{secret}}".encode(), hashlib.sha256).digest())
url = f"https://oapi.dingtalk.com/robot/send?access_token={{access_token}}&timestamp={{ts}}&sign={{sign}}"
requests.post(url, json={{"msgtype": "text", "text": {{"content": "排队超过 50 通"}}}})

是不是 sign 没有做 urlencode？"""


# ---- telecom negatives


@tpl("telecom", "en", "not_secret", "hash")
def t_sip_digest(r):
    return f"""Why does the registrar keep replying 401 to this second REGISTER even though it includes the Authorization header?

REGISTER sip:voip.carrier.net SIP/2.0
Via: SIP/2.0/UDP 10.8.1.20:5060;branch=z9hG4bK{hx(r, 10)}
From: <sip:1002@voip.carrier.net>;tag={hx(r, 8)}
To: <sip:1002@voip.carrier.net>
Call-ID: {hx(r, 32)}@10.8.1.20
CSeq: 2 REGISTER
Authorization: Digest username="1002", realm="voip.carrier.net", nonce="{hx(r, 32)}", uri="sip:voip.carrier.net", response="{hx(r, 32)}", algorithm=MD5
Expires: 3600"""


@tpl("telecom", "tr", "not_secret", "serial_number")
def t_iccid_imei(r):
    return f"""Saha ekibinin hatlarını yeni operatöre taşıyoruz. Bu tabloyu operatörün istediği formata çevirebilir misin?

Cihaz      | IMEI            | ICCID                | Hat
Tablet-01  | 35{digits(r, 13, False)} | 8990{digits(r, 15, False)}  | 0532 {digits(r, 3)} {digits(r, 4)}
Tablet-02  | 35{digits(r, 13, False)} | 8990{digits(r, 15, False)}  | 0532 {digits(r, 3)} {digits(r, 4)}
Router-A   | 86{digits(r, 13, False)} | 8990{digits(r, 15, False)}  | 0533 {digits(r, 3)} {digits(r, 4)}"""


@tpl("telecom", "en", "not_secret", "identifier")
def t_twilio_sids(r):
    return f"""Which of these do I need to give the vendor so they can see our delivery failures in their dashboard?

Account SID: AC{hx(r, 32)}
Messaging Service SID: MG{hx(r, 32)}
Phone numbers: +1 415 555 0{digits(r, 3)}, +1 415 555 0{digits(r, 3)}
Failed message SIDs: SM{hx(r, 32)}, SM{hx(r, 32)}
Error code: 30007 (carrier violation)"""


@tpl("telecom", "en", "not_secret", "placeholder")
def t_sip_placeholder(r):
    return """I'm preparing a sip.conf template for the technicians who install PBXs in our Italian shops. Is this clear?

[trunk-operatore]
type=peer
host=sip.operatore.it
defaultuser=NUMERO_TELEFONO_NEGOZIO
secret=SOSTITUIRE_CON_PASSWORD_SIP_DEL_CONTRATTO
fromdomain=sip.operatore.it
context=da-operatore

I'd like to add a comment explaining where to find the password in the contract."""


@tpl("telecom", "en", "not_secret", "secret_reference")
def t_pjsip_ansible(r):
    return """Our Ansible role renders pjsip.conf for each branch. Does this template leak the password into the diff output when I run with --diff?

[{{ item.ext }}-auth]
type=auth
auth_type=userpass
username={{ item.ext }}
password={{ vault_sip_passwords[item.ext] }}

# group_vars/pbx/vault.yml is encrypted with ansible-vault
# task uses: no_log: true"""


@tpl("telecom", "en", "not_secret", "request_id")
def t_sip_callid_logs(r):
    return f"""Calls in our Tokyo contact centre drop after exactly 32 seconds. Here are the SBC logs — any idea what's going on?

10:14:02.113 INVITE  Call-ID: {hx(r, 24)}@192.0.2.15  branch=z9hG4bK-{hx(r, 12)}
10:14:02.402 200 OK  To-tag: {hx(r, 10)}
10:14:34.418 BYE     Reason: Q.850;cause=102;text="recovery on timer expiry"
10:14:34.420 X-Session-ID: {uid(r)}

Does that mean the ACK never arrives?"""


@tpl("telecom", "en", "not_secret", "password_hash")
def t_cisco_type9(r):
    return f"""Audit asked whether our voice gateways store local passwords safely. Running-config excerpt:

hostname VG-BRANCH-07
enable algorithm-type scrypt secret 9 $9${rs(r, 14, AN + "./")}${rs(r, 43, AN + "./")}
username netops privilege 15 algorithm-type sha256 secret 8 $8${rs(r, 14, AN + "./")}${rs(r, 43, AN + "./")}
service password-encryption

Is type 9 considered OK for the audit, and should I change the type 8 one too?"""


@tpl("telecom", "hi", "not_secret", "security_advice")
def t_otp_advice(r):
    return """ग्राहकों को भेजे जाने वाले इस SMS संदेश को छोटा और साफ़ कर दीजिए:

"प्रिय ग्राहक, हमारी कंपनी का कोई भी कर्मचारी आपसे कभी भी OTP, पासवर्ड या सिम का PUK कोड नहीं माँगेगा। यदि कोई कॉल करके ऐसा माँगे तो कॉल काट दें और 198 पर शिकायत करें। अपना सिम स्वैप अनुरोध केवल नज़दीकी स्टोर पर पहचान पत्र के साथ करें।" """


@tpl("telecom", "ko", "not_secret", "serial_number")
def t_voip_mac_list(r):
    def mac():
        return ":".join(hx(r, 2, True) for _ in range(6))
    return f"""지점 IP 전화기 교체 목록입니다. 프로비저닝 서버에 등록할 CSV로 바꿔 주세요.

1층 안내데스크 — 모델 T46U, MAC {mac()}, S/N {digits(r, 16)}
2층 상담실 — 모델 T43U, MAC {mac()}, S/N {digits(r, 16)}
3층 회의실 — 모델 CP925, MAC {mac()}, S/N {digits(r, 16)}"""


@tpl("telecom", "sv", "not_secret", "revoked_credential")
def t_vonage_revoked(r):
    return f"""Kan du skriva om detta till ett kort avvikelsemeddelande till ledningen?

"Tisdag 14:05 upptäcktes att API-hemligheten för SMS-tjänsten hade klistrats in i ett öppet supportärende (synligt som ************{hx(r, 4)}). Hemligheten spärrades 14:20 i leverantörens portal och en ny skapades; den nya finns endast i vårt lösenordsvalv. Inga obehöriga SMS har skickats enligt leverantörens logg." """


@tpl("telecom", "cs", "not_secret", "certificate")
def t_sbc_tls_cert(r):
    c = pem(r, "CERTIFICATE", 820)
    return f"""Operátor po nás chce pro SIP přes TLS certifikát našeho SBC. Je tohle ten správný soubor (sbc-public.crt), nebo mám poslat i mezilehlý certifikát?

{c}

Soukromý klíč samozřejmě zůstává na SBC."""


@tpl("telecom", "en", "not_secret", "password_prompt")
def t_pbx_ssh_prompt(r):
    return """I'm trying to get into the PBX shell to pull the CDRs and it just sits there. Is it waiting for me or hung?

$ ssh -p 2222 admin@pbx-hq.corp.local
The authenticity of host '[pbx-hq.corp.local]:2222' can't be established.
ED25519 key fingerprint is SHA256:""" + b64(r, 32).rstrip("=") + """.
Are you sure you want to continue connecting (yes/no/[fingerprint])? yes
admin@pbx-hq.corp.local's password:"""


# ================================================================== ot
GROUP_DESC["ot"] = "manufacturing and OT: SCADA, PLC, OPC UA, historians, MES, HMI remote access, MQTT, IoT devices"


@tpl("ot", "en", "secret", "password")
def o_opcua_client_xml(r):
    p = pw(r, safe="ini")
    return f"""Our MES OPC UA client no longer connects to the server on line 3 ("BadUserAccessDenied"). Config:

<OpcUaConnection Name="Linie3-S7-1500">
  <EndpointUrl>opc.tcp://10.30.3.10:4840</EndpointUrl>
  <SecurityPolicy>Basic256Sha256</SecurityPolicy>
  <MessageSecurityMode>SignAndEncrypt</MessageSecurityMode>
  <UserIdentity Type="UserName" UserName="mes_leser" Password="{S("password", p)}" />
  <SessionTimeout>60000</SessionTimeout>
</OpcUaConnection>

In TIA Portal the user mes_leser has the "Operator" role. Is that enough to read?"""


@tpl("ot", "en", "secret", "password")
def o_mosquitto_bridge(r):
    p = pw(r, safe="ini")
    return f"""The MQTT bridge from the plant broker to the cloud broker connects and immediately disconnects. mosquitto.conf on the edge box:

connection plant-to-cloud
address mqtt.cloud-factory.io:8883
bridge_protocol_version mqttv311
remote_clientid edge-plant-kr-01
remote_username edge-plant-kr-01
remote_password {S("password", p)}
bridge_cafile /etc/mosquitto/certs/ca.crt
topic plant/+/telemetry out 1 "" factory/kr01/

Log: "Connection Refused: not authorised." Is the topic prefix in the wrong place?"""


@tpl("ot", "en", "secret", "password")
def o_pi_webapi_curl(r):
    p = pw(r, safe="url")
    return f"""Trying to pull hourly averages from the PI Web API for the boiler tags. This returns 401 from my laptop but works on the historian server itself:

curl -k -u 'PLANTNET\\svc_piread:{S("password", p)}' \\
  "https://pi-hist01.plantnet.local/piwebapi/streams/F1DP{rs(r, 22, UP + DG)}/summary?startTime=*-24h&summaryType=Average&summaryDuration=1h"

Is Kerberos forced on the Web API so basic auth is refused remotely?"""


@tpl("ot", "es", "secret", "password")
def o_ignition_handover(r):
    p = pw(r, style="nonascii", lang="es", safe="any")
    return f"""Por favor, ordena estas notas de traspaso del SCADA para el técnico de turno de noche:

Gateway Ignition planta Zaragoza: http://scada-zgz01:8088
Usuario de configuración: admin_planta / contraseña: {S("password", p)}
Proyectos: Envasado_L1, Envasado_L2, Depuradora
Si se cae el módulo de alarmas, reiniciar solo el módulo desde Config > Modules, no el gateway entero.
Backups automáticos cada noche a las 03:00 en \\\\nas-planta\\ignition"""


@tpl("ot", "en", "secret", "wireguard_private_key")
def o_wireguard_remote(r):
    priv = wg_key(r)
    pub = wg_key(r)
    return f"""The supplier of our bottling line will get remote access over WireGuard. I made this config for their technician — can I restrict it so they only reach the PLC network?

[Interface]
PrivateKey = {S("wireguard_private_key", priv)}
Address = 10.250.0.12/32
DNS = 10.250.0.1

[Peer]
PublicKey = {pub}
Endpoint = vpn.bryggeriet-norr.se:51820
AllowedIPs = 10.250.0.0/24, 192.168.50.0/24
PersistentKeepalive = 25"""


@tpl("ot", "de", "secret", "remote_access_password")
def o_teamviewer_hmi(r):
    tid = f"{digits(r, 3)} {digits(r, 3, False)} {digits(r, 3, False)}"
    p = rs(r, 10, AN)
    return f"""Kannst du aus dieser Notiz eine saubere Wartungsanweisung für den Maschinenhersteller machen?

"Fernwartung Spritzgussmaschine KM-4 (HMI-Panel): TeamViewer-ID {tid}, festes Kennwort {S("remote_access_password", p)}. Zugang nur nach telefonischer Freigabe durch die Schichtleitung (Tel. 0711 {digits(r, 6)}). Nach der Sitzung TeamViewer wieder schließen."

Die ID soll in der Anweisung bleiben."""


@tpl("ot", "en", "secret", "password")
def o_hmi_vnc(r):
    p = rs(r, 8, AN)
    return f"""I can't get into the factory HMI panel over VNC any more. Transcribed from a photo of the settings screen:

[VNC server settings]
Port: 5900
Authentication: VNC password
Password: {S("password", p)}
View-only password: none
Allowed IPs: 192.168.10.0/24

Connecting from the office PC (192.168.20.15) gives "connection refused". Is it the allowed IP range?"""


@tpl("ot", "en", "secret", "private_key")
def o_aws_iot_device_key(r):
    k = pem(r, "RSA PRIVATE KEY", 1190)
    return f"""Our packaging-line gateway can't connect to AWS IoT Core ("TLS handshake failed: certificate unknown"). These are the files on the device; I pasted the private key to check it isn't truncated:

/opt/gw/certs/device.pem.crt   (1224 bytes)
/opt/gw/certs/AmazonRootCA1.pem
/opt/gw/certs/private.pem.key:
{S("private_key", k)}

The thing is "pack-line-gw-04" and the policy allows iot:Connect on client id pack-line-gw-*."""


@tpl("ot", "it", "secret", "password")
def o_tia_protection(r):
    p = pw(r, safe="any")
    return f"""Il fornitore della linea di imbottigliamento ci ha mandato il progetto TIA Portal e questa mail:

"Il progetto è protetto. Per modificare i blocchi FB100-FB180 usare la password di protezione del know-how: {S("password", p)}. La password della CPU (livello 'accesso completo') è la stessa."

Mi scrivi una procedura interna per conservare questa informazione in modo corretto e cambiare la password della CPU?"""


@tpl("ot", "pt", "secret", "password")
def o_mes_jdbc(r):
    p = pw(r, safe="url")
    return f"""O serviço do MES que grava as ordens de produção no SQL Server não arranca depois da atualização do Java. Log:

Caused by: com.microsoft.sqlserver.jdbc.SQLServerException: Login failed for user 'mes_app'.
  url=jdbc:sqlserver://sql-fabrica01.interno:1433;databaseName=MES_PROD;user=mes_app;password={S("password", p)};encrypt=true;trustServerCertificate=true

Com o Java 11 funcionava. O Java 17 muda alguma coisa na autenticação?"""


@tpl("ot", "en", "secret", "api_key")
def o_influx_token(r):
    t = b64(r, 64).rstrip("=") + "=="
    return f"""Writing workshop energy data to InfluxDB keeps failing with 401 unauthorized. Telegraf config:

[[outputs.influxdb_v2]]
  urls = ["http://10.8.20.5:8086"]
  token = "{S("api_key", t)}"
  organization = "huadong-plant"
  bucket = "energy"

[[inputs.modbus]]
  name = "meter_workshop_2"
  controller = "tcp://10.8.21.40:502"

The token was generated in the UI as write-only for the energy bucket. Does it need org permissions too?"""


@tpl("ot", "tr", "secret", "remote_access_password")
def o_anydesk_unattended(r):
    addr = f"{digits(r, 3)} {digits(r, 3, False)} {digits(r, 3, False)}"
    p = pw(r, safe="any")
    return f"""Fabrikadaki SCADA bilgisayarına uzaktan bağlanmak için bakım firmasına şu mesajı gönderdim, daha resmi bir dille yeniden yazar mısın?

"Merhaba, AnyDesk adresi {addr}, gözetimsiz erişim şifresi {S("remote_access_password", p)}. Bağlanmadan önce vardiya amirini arayın. Kolay gelsin." """


@tpl("ot", "en", "secret", "splunk_hec_token")
def o_splunk_hec(r):
    t = uid(r)
    return f"""We forward PLC alarm events from the historian to Splunk via HEC. Events show up in the wrong index. Forwarder config:

[http_output]
uri = https://splunk-hec.plant-ops.net:8088/services/collector/event
token = {S("splunk_hec_token", t)}
index = ot_alarms
sourcetype = historian:alarm

The HEC token in Splunk has "Default index: main" and allowed indexes main, ot_alarms. Which wins?"""


# ---- ot negatives


@tpl("ot", "en", "not_secret", "hash")
def o_opcua_thumbprint(r):
    return f"""The OPC UA server reports "BadCertificateUntrusted". The rejected-certificates list shows:

Subject: CN=MES-Client, O=Werk Süd, C=DE
Thumbprint (SHA-1): {hx(r, 40, True)}
Gültig bis: 2028-06-30
Pfad: C:\\ProgramData\\OPC Foundation\\pki\\rejected\\certs\\MES-Client [{hx(r, 40, True)}].der

Do I just move the file to trusted\\certs?"""


@tpl("ot", "en", "not_secret", "serial_number")
def o_plc_inventory(r):
    return f"""Turn this asset list into a CSV for the OT inventory tool please:

Line 1 — CPU 1515-2 PN, order no. 6ES7 515-2AM02-0AB0, S/N S C-{rs(r, 10, UP + DG)}, firmware V3.0.3
Line 2 — CPU 1513-1 PN, order no. 6ES7 513-1AL02-0AB0, S/N S C-{rs(r, 10, UP + DG)}, firmware V2.9.7
Packaging — CompactLogix 5380, cat. 5069-L320ER, serial {hx(r, 8, True)}, firmware 34.011
Boiler — ControlLogix 1756-L83E, serial {hx(r, 8, True)}, firmware 33.015"""


@tpl("ot", "en", "not_secret", "no_credential")
def o_modbus_no_auth(r):
    return """For the audit we need to explain how the energy meters are read. Is this description accurate?

"The meters are polled over Modbus TCP (port 502) from the historian collector at 10.8.20.5. Modbus TCP has no authentication or encryption: any host that can reach port 502 can read and write registers. Access is therefore restricted by the cell firewall, which only permits the collector's IP, and the meters are configured read-only where the model allows it." """


@tpl("ot", "en", "not_secret", "identifier")
def o_pi_webids(r):
    return f"""I have to give the integrator the list of PI points for the new energy dashboard at our French plant. Can you put it in a table?

Tag : USINE1.CHAUD01.TEMP_SORTIE — WebId : F1DP{rs(r, 22, UP + DG)}
Tag : USINE1.CHAUD01.DEBIT_GAZ — WebId : F1DP{rs(r, 22, UP + DG)}
Tag : USINE1.COMPR02.PRESSION — WebId : F1DP{rs(r, 22, UP + DG)}
Serveur : pi-hist01, base AF : Energie_Usine1"""


@tpl("ot", "en", "not_secret", "secret_reference")
def o_mosquitto_password_file(r):
    return """Is this the right way to run mosquitto on the edge gateway without putting credentials in the compose file?

services:
  mqtt:
    image: eclipse-mosquitto:2.0.20
    volumes:
      - ./mosquitto.conf:/mosquitto/config/mosquitto.conf:ro
      - /etc/edge/secrets/mosquitto_passwd:/mosquitto/config/passwd:ro
    ports:
      - "8883:8883"

# mosquitto.conf
listener 8883
password_file /mosquitto/config/passwd
allow_anonymous false

The passwd file is generated on the box with mosquitto_passwd -c and never leaves it."""


@tpl("ot", "en", "not_secret", "doc_default_credential")
def o_hmi_manual_default(r):
    return """From the HMI panel manual (page 42). Can you summarise it for the commissioning procedure?

"On first start-up the panel has a user 'Administrator' with the default password '100'. For security reasons, change this password before connecting the panel to the plant network. If the password is lost, the panel must be reset to factory settings."

We already changed it during installation."""


@tpl("ot", "en", "not_secret", "git_sha")
def o_plc_repo_commits(r):
    return f"""We version the PLC code (TwinCAT) in git at our Dutch plant. Can you turn this log into release notes for the operators?

{hx(r, 7)} (tag: lijn2-v4.2) Alarm A-231 drempel verhoogd naar 4,5 bar
{hx(r, 7)} Receptbeheer: veld 'vulgewicht' nu in grammen
{hx(r, 7)} Fix: noodstopketen reset vereist nu bevestiging op HMI
{hx(r, 7)} Merge branch 'feature/etiketteerder' into main

Full hash of the release: {hx(r, 40)}"""


@tpl("ot", "en", "not_secret", "public_key")
def o_wireguard_public_only(r):
    return f"""The welding-robot supplier sent their peer config for our WireGuard server. Can I paste it in as is?

[Peer]
# serwis-robot-kuka
PublicKey = {wg_key(r)}
AllowedIPs = 10.250.0.20/32
PersistentKeepalive = 25

They keep the private key; we only received the public one."""


@tpl("ot", "ar", "not_secret", "out_of_band_notice")
def o_teamviewer_id_only(r):
    tid = f"{digits(r, 3)} {digits(r, 3, False)} {digits(r, 3, False)}"
    return f"""أحتاج صياغة رسالة رسمية لشركة صيانة خط التعبئة:

"معرّف TeamViewer لجهاز التحكم في خط التعبئة هو {tid}. لن نرسل كلمة المرور كتابياً؛ سيتصل بكم مشرف الوردية هاتفياً ويمليها عليكم عند بدء جلسة الصيانة، وسيتم تغييرها بعد انتهاء الجلسة." """


@tpl("ot", "en", "not_secret", "masked_key")
def o_influx_auth_list(r):
    def row(desc):
        return f"{hx(r, 16)}\t{desc}\t{hx(r, 16)}\t{hx(r, 16)}\t**************{rs(r, 4, AN)}"
    return f"""This is the output of influx auth list. Which token does Telegraf use? I want to delete the extra ones.

ID\t\t\tDescription\t\tUser ID\t\t\tOrg ID\t\t\tToken
{row("telegraf-energy")}
{row("grafana-ro")}
{row("admin's Token")}"""


@tpl("ot", "en", "not_secret", "uuid")
def o_opcua_nodeids(r):
    return f"""Node list browsed from the OPC UA server at the Ulsan plant. Please make a table showing which ones are equipment-status tags.

ns=3;g={uid(r)}  DisplayName=Press01.Status
ns=3;g={uid(r)}  DisplayName=Press01.CycleCount
ns=3;g={uid(r)}  DisplayName=Press01.AlarmActive
ns=2;s=Line1.Conveyor.Speed  DisplayName=Conveyor Speed"""


@tpl("ot", "th", "not_secret", "rotation_notice")
def o_hmi_passwords_rotated(r):
    return """ช่วยเรียบเรียงประกาศนี้ให้เป็นทางการหน่อยครับ

"แจ้งทุกกะ: ตั้งแต่วันที่ 1 มีนาคม ฝ่ายวิศวกรรมได้เปลี่ยนรหัสผ่านของหน้าจอ HMI และเครื่อง SCADA ทุกเครื่องแล้ว รหัสผ่านใหม่จะแจ้งให้หัวหน้ากะเป็นรายบุคคล ห้ามจดรหัสผ่านติดไว้ที่ตู้ควบคุม หากลืมให้ติดต่อแผนกวิศวกรรม ต่อ 2210" """


# ================================================================== logistics
GROUP_DESC["logistics"] = "retail and logistics: EDI (X12, EDIFACT) and AS2, carrier and e-commerce APIs, WMS, POS terminals, handheld scanners"


@tpl("logistics", "en", "secret", "edi_password")
def l_x12_isa_password(r):
    p = rs(r, 10, UP + DG)
    return f"""Our new trading partner rejects every 850 with TA1 code 005 ("invalid interchange sender"). Here's the envelope we send — they said they require the ISA03/ISA04 security fields:

ISA*00*          *01*{S("edi_password", p)}*ZZ*NORTHWINDDIST  *12*5551234567     *260302*1415*U*00401*{digits(r, 9)}*0*P*>~
GS*PO*NORTHWINDDIST*5551234567*20260302*1415*{digits(r, 4)}*X*004010~
ST*850*0001~

Is 005 about ISA06 padding rather than the password?"""


@tpl("logistics", "en", "secret", "password")
def l_as2_keystore(r):
    p = pw(r, safe="ini")
    return f"""Our AS2 server (mendelson) can't decrypt messages from the German wholesaler since the certificate was renewed. From the config:

as2.keystore.file = /opt/as2/certificates.p12
as2.keystore.pass = {S("password", p)}
as2.partner.grosshandel.encryption.alias = gh-2026
as2.partner.grosshandel.signature.alias = gh-2026

Log: "Unable to decrypt: no private key for alias key-2025". Does the partner have to import our new certificate first?"""


@tpl("logistics", "en", "secret", "shopify_access_token")
def l_shopify_inventory_sync(r):
    t = "shpat_" + hx(r, 32)
    return f"""Inventory sync from our WMS to Shopify stopped updating some SKUs. Can you spot the issue?

curl -X POST "https://outdoor-gear-uk.myshopify.com/admin/api/2025-01/inventory_levels/set.json" \\
  -H "X-Shopify-Access-Token: {S("shopify_access_token", t)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"location_id": {digits(r, 11)}, "inventory_item_id": {digits(r, 14)}, "available": 42}}'

Response: {{"errors":"Inventory item does not have inventory tracking enabled"}}"""


@tpl("logistics", "en", "secret", "shippo_api_token")
def l_shippo_labels(r):
    t = "shippo_live_" + hx(r, 40)
    return f"""Our web shop creates shipping labels with Shippo, but since yesterday they all carry the old sender address. Code:

import shippo
from shippo.models import components

cliente = shippo.Shippo(api_key_header="ShippoToken {S("shippo_api_token", t)}")
envio = cliente.shipments.create(components.ShipmentCreateRequest(
    address_from=direccion_almacen(),
    address_to=direccion_cliente(pedido),
    parcels=[paquete(pedido)],
))

Is the address cached somewhere in the account?"""


@tpl("logistics", "en", "secret", "easypost_api_key")
def l_easypost_env(r):
    k = "EZAK" + hx(r, 54)
    return f"""Our returns portal creates labels through EasyPost. Works locally, fails on staging with "APIKEY.INACTIVE". .env.staging:

NODE_ENV=staging
EASYPOST_API_KEY={S("easypost_api_key", k)}
RETURNS_WAREHOUSE_ID=adr_{hx(r, 32)}
CARRIER_ACCOUNTS=ca_{hx(r, 32)}

Could someone have disabled the production key when they set up the test key?"""


@tpl("logistics", "en", "secret", "password")
def l_pos_autologon_reg(r):
    p = pw(r, safe="ini")
    return f"""The POS terminals at store 118 don't log in automatically after the Windows update. Registry export from one of them:

Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon]
"AutoAdminLogon"="1"
"DefaultUserName"="POS118-01"
"DefaultDomainName"="RETAIL"
"DefaultPassword"="{S("password", p)}"
"ForceAutoLogon"="1"

Did the update remove AutoAdminLogon, or is there a new policy blocking it?"""


@tpl("logistics", "en", "secret", "password")
def l_wms_create_login(r):
    p = pw(r, safe="ini")
    return f"""For the new warehouse near Lyon, the WMS vendor wants us to run this script on SQL Server. Does it grant too much?

CREATE LOGIN wms_interface WITH PASSWORD = '{S("password", p)}', CHECK_POLICY = ON;
USE WMS_ENTREPOT_LYON;
CREATE USER wms_interface FOR LOGIN wms_interface;
ALTER ROLE db_owner ADD MEMBER wms_interface;
GRANT VIEW SERVER STATE TO wms_interface;"""


@tpl("logistics", "en", "secret", "square_access_token")
def l_square_pos(r):
    t = "EAAA" + rs(r, 60, B64U)
    return f"""We connect the shop POS (Square) to our own inventory system. After switching to production we get 401. Config file:

SQUARE_ENVIRONMENT=production
SQUARE_ACCESS_TOKEN={S("square_access_token", t)}
SQUARE_LOCATION_ID=L{rs(r, 12, UP + DG)}

In sandbox we also set the application ID. Isn't it needed in production?"""


@tpl("logistics", "en", "secret", "oauth_client_secret")
def l_carrier_oauth(r):
    cid = rs(r, 32, LO + DG)
    sec = rs(r, 40, AN)
    return f"""The integration with the Dutch parcel carrier for creating labels returns "invalid_client". This is the token request from our WMS:

curl -X POST https://api.pakketvervoer.nl/oauth2/token \\
  -H "Content-Type: application/x-www-form-urlencoded" \\
  -d "grant_type=client_credentials&client_id={cid}&client_secret={S("oauth_client_secret", sec)}&scope=shipments"

Should the client secret go in a Basic auth header instead?"""


@tpl("logistics", "pl", "secret", "jwt")
def l_inpost_shipx(r):
    tok = jwt(r, {"iss": "https://login.inpost.pl/auth/realms/external", "sub": uid(r),
                  "typ": "Bearer", "azp": "shipx", "scope": "openid api:apipoint api:shipx",
                  "allowed_organizations": str(r.randint(10000, 99999))}, alg="RS256", sig_bytes=256)
    return f"""Integracja sklepu z ShipX zwraca "token_invalid" przy tworzeniu przesyłki paczkomatowej. Wywołanie:

curl -X POST "https://api-shipx-pl.easypack24.net/v1/organizations/{r.randint(10000, 99999)}/shipments" \\
  -H "Authorization: Bearer {S("jwt", tok)}" \\
  -H "Content-Type: application/json" \\
  -d @przesylka.json

Token wygenerowałem w Managerze Paczek tydzień temu. Czy on wygasa?"""


@tpl("logistics", "pt", "secret", "stripe_webhook_secret")
def l_stripe_whsec(r):
    s = "whsec_" + rs(r, 32)
    return f"""A loja online não confirma as encomendas porque a verificação do webhook do Stripe falha ("No signatures found matching the expected signature"). Código Node:

const endpointSecret = "{S("stripe_webhook_secret", s)}";
app.post("/webhooks/stripe", express.json(), (req, res) => {{
  const sig = req.headers["stripe-signature"];
  const evento = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
  ...
}});

O problema é o express.json() antes da verificação?"""


@tpl("logistics", "ms", "secret", "password")
def l_scanner_wifi(r):
    p = pw(r, safe="any", spaces=True)
    return f"""Boleh tolong tulis semula arahan ini untuk pekerja gudang baharu?

"Pengimbas tangan (Zebra TC52) mesti disambung ke Wi-Fi GUDANG-SCAN sahaja. Kata laluan Wi-Fi: {S("password", p)}. Jangan sambung ke Wi-Fi tetamu. Jika pengimbas tidak boleh log masuk ke WMS, mulakan semula dan cuba lagi sebelum menghubungi penyelia."

Terima kasih."""


@tpl("logistics", "he", "secret", "pin")
def l_pos_manager_pin(r):
    c = pin(r, 4)
    return f"""אני מנהלת משמרת בסניף. תוכל לנסח מחדש את ההודעה הזאת לקופאיות החדשות?

"לביטול פריט אחרי סגירת חשבון צריך אישור מנהל. אם אני לא בסניף, תשתמשו בקוד מנהל {S("pin", c)} בקופה ותרשמו ביומן את מספר הקבלה והסיבה."

תודה!"""


# ---- logistics negatives


@tpl("logistics", "en", "not_secret", "identifier")
def l_tracking_numbers(r):
    return f"""A customer complains about three parcels. Can you draft a reply listing their status?

1Z{rs(r, 6, UP + DG)}03{digits(r, 8)} — UPS — delivered 28 Feb, signed "MARTINEZ"
SSCC 00{digits(r, 18)} — pallet, at hub Daventry
JD0{digits(r, 17)} — DHL Parcel UK — out for delivery

Order reference: WEB-{digits(r, 7)}"""


@tpl("logistics", "en", "not_secret", "identifier")
def l_edifact_glns(r):
    return f"""Why does the retailer reject our DESADV? They say the sender GLN is wrong.

UNB+UNOC:3+{digits(r, 13)}:14+{digits(r, 13)}:14+260302:0915+{digits(r, 9)}'
UNH+1+DESADV:D:96A:UN:EAN005'
BGM+351+LS{digits(r, 8)}+9'
NAD+SU+{digits(r, 13)}::9'
NAD+DP+{digits(r, 13)}::9'
CPS+1'
PAC+1++201'
GIN+BJ+{digits(r, 18)}'
UNT+9+1'
UNZ+1+{digits(r, 9)}'"""


@tpl("logistics", "en", "not_secret", "signature")
def l_as2_mdn(r):
    return f"""Our partner says they never received PO batch 4471, but we have this MDN. Does it prove delivery?

Message-ID: <{hx(r, 16)}@as2.northwind-dist.com>
Original-Message-ID: <{hx(r, 16)}@as2.ourcompany.com>
Disposition: automatic-action/MDN-sent-automatically; processed
Received-Content-MIC: {b64(r, 32)}, sha-256
AS2-From: NORTHWIND
AS2-To: OURCOMPANY"""


@tpl("logistics", "en", "not_secret", "signature")
def l_shopify_hmac_header(r):
    return f"""Our order webhook handler rejects every Shopify webhook as "HMAC mismatch". Headers of one request from the log:

X-Shopify-Topic: orders/create
X-Shopify-Shop-Domain: outdoor-gear-uk.myshopify.com
X-Shopify-Webhook-Id: {uid(r)}
X-Shopify-Hmac-Sha256: {b64(r, 32)}
X-Shopify-API-Version: 2025-01

We compute the HMAC over JSON.stringify(req.body). Is that the mistake?"""


@tpl("logistics", "en", "not_secret", "empty_value")
def l_isa_no_security(r):
    return f"""Partner's EDI guide says "ISA01-ISA04 not used". Is our envelope correct then?

ISA*00*          *00*          *ZZ*OURCOMPANY     *ZZ*MEGAMART       *260302*0930*U*00401*{digits(r, 9)}*0*P*>~

I'm worried the blank padded fields will be treated as a wrong password."""


@tpl("logistics", "it", "not_secret", "identifier")
def l_pos_tid_mid(r):
    return f"""Il POS del negozio di Verona rifiuta le carte con "terminale non abilitato". Dati dallo scontrino di chiusura:

Esercente: BOTTEGA DEL CAFFÈ SRL
MID (codice esercente): {digits(r, 15)}
TID (terminale): {digits(r, 8)}
Acquirer: Nexi — ABI 03069
Ultima chiusura: 01/03/2026 21:04, STAN {digits(r, 6)}

Devo chiamare l'assistenza con il TID o con il MID?"""


@tpl("logistics", "en", "not_secret", "placeholder")
def l_carrier_placeholder(r):
    return """I'm writing the README for the carrier connector for our Spanish warehouse team. Is this block clear?

# config/transportistas.yml
shippo:
  api_token: "<TU_TOKEN_DE_SHIPPO_AQUÍ>"
correos_express:
  usuario: "<usuario_cex>"
  clave: "<clave_cex>"
seur:
  client_secret: "<pídelo_a_sistemas>"

The real values are in the department's password manager."""


@tpl("logistics", "en", "not_secret", "dummy_value")
def l_wms_test_fixture(r):
    return """This unit test for the WMS login service fails on CI only. The mock user is obviously fake — why would CI differ?

@Test
void rejectsLockedAccount() {
    var user = new WmsUser("test.picker", "password", Role.PICKER);
    user.lock();
    repo.save(user);
    var result = loginService.login("test.picker", "password");
    assertEquals(LoginResult.LOCKED, result);
}

On CI the result is INVALID_CREDENTIALS instead of LOCKED."""


@tpl("logistics", "fr", "not_secret", "revoked_credential")
def l_shopify_token_revoked(r):
    return f"""Peux-tu transformer cette note en compte rendu d'incident court ?

« Le 27/02, un prestataire a collé dans un ticket public le jeton d'accès de l'application privée Shopify (affiché partiellement : shpat_****************************{hx(r, 4)}). Le jeton a été révoqué le jour même en désinstallant l'application personnalisée ; une nouvelle application a été créée avec des droits réduits (read_orders, write_fulfillments). Aucun appel suspect dans les journaux d'accès. » """


@tpl("logistics", "en", "not_secret", "public_client_key")
def l_maps_js_key(r):
    k = "AIza" + rs(r, 35, B64U)
    return f"""The warehouse location map on our website doesn't show; the console says "RefererNotAllowedMapError". The key is restricted to our domain (HTTP referrer: *.gudangsentosa.co.id/*) and to the Maps JavaScript API only:

<script async
  src="https://maps.googleapis.com/maps/api/js?key={k}&callback=initMap">
</script>

The site just moved to the www2 subdomain. Do I need to add a referrer pattern?"""


@tpl("logistics", "ms", "not_secret", "out_of_band_notice")
def l_scanner_password_supervisor(r):
    return """Tolong betulkan tatabahasa notis ini untuk papan kenyataan gudang:

"Semua pekerja syif malam: akaun WMS baharu anda telah dibuka. ID pengguna ialah nombor pekerja anda. Kata laluan sementara akan diberikan oleh penyelia syif secara bersemuka pada taklimat jam 10 malam. Jangan kongsi kata laluan dengan rakan sekerja." """


@tpl("logistics", "zh", "not_secret", "secret_reference")
def l_wms_compose_env(r):
    return """仓库管理系统的 docker-compose 这样写，承运商的 API 密钥会不会被打进镜像里？

services:
  wms-carrier:
    image: registry.wuliu.local/wms-carrier:3.4.2
    environment:
      SF_EXPRESS_APP_KEY: ${SF_EXPRESS_APP_KEY}
      SF_EXPRESS_APP_SECRET: ${SF_EXPRESS_APP_SECRET}
      CAINIAO_TOKEN_FILE: /run/secrets/cainiao_token
    env_file:
      - /etc/wms/carrier.env
    secrets:
      - cainiao_token

carrier.env 只在服务器上，不进 git。"""


# ================================================================== helpdesk
GROUP_DESC["helpdesk"] = "help desk: tickets, chat transcripts with an IT agent, password-reset e-mails, onboarding letters, phone transcripts, support tools"

NATO = {"a": "Alpha", "b": "Bravo", "c": "Charlie", "d": "Delta", "e": "Echo",
        "f": "Foxtrot", "g": "Golf", "h": "Hotel", "i": "India", "j": "Juliett",
        "k": "Kilo", "l": "Lima", "m": "Mike", "n": "November", "o": "Oscar",
        "p": "Papa", "q": "Quebec", "r": "Romeo", "s": "Sierra", "t": "Tango",
        "u": "Uniform", "v": "Victor", "w": "Whiskey", "x": "X-ray",
        "y": "Yankee", "z": "Zulu"}
DIGIT_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven",
               "eight", "nine"]


@tpl("helpdesk", "en", "secret", "password")
def hd_reset_email_temp(r):
    p = pw(r, style="season")
    return f"""Can you make this password-reset e-mail template friendlier? This is one that actually went out this morning:

Subject: Your network password has been reset

Hi Priya,
As requested on the phone (ticket RITM{digits(r, 7)}), your network password has been reset.
Temporary password: {S("password", p)}
You will be asked to choose a new password the first time you sign in. The temporary password expires in 24 hours.
IT Service Desk — ext. 4357"""


@tpl("helpdesk", "de", "secret", "password")
def hd_onboarding_letter(r):
    p = pw(r, style="nonascii", lang="de", safe="any")
    return f"""Bitte überarbeite dieses Begrüßungsschreiben für neue Mitarbeitende, es klingt zu technisch:

"Liebe Frau Schneider,
willkommen im Landratsamt! Ihre Zugangsdaten für den ersten Arbeitstag:
Benutzername: schneider.k
Startpasswort: {S("password", p)}
Beim ersten Anmelden werden Sie aufgefordert, ein eigenes Passwort zu vergeben (mind. 12 Zeichen). Die Zwei-Faktor-Anmeldung richten wir gemeinsam in der IT-Einführung am Montag um 10 Uhr ein.
Ihr IT-Team" """


@tpl("helpdesk", "fr", "secret", "password")
def hd_chat_agent_fr(r):
    p = pw(r, style="nonascii", lang="fr", safe="any")
    return f"""Voici la transcription du chat avec le support informatique, peux-tu en faire un résumé pour mon responsable ?

[09:02] Moi : Bonjour, mon compte est bloqué depuis ce matin.
[09:03] Agent (Kévin) : Bonjour, je vérifie. Oui, trop de tentatives. Je réinitialise.
[09:05] Agent (Kévin) : C'est fait. Mot de passe provisoire : {S("password", p)}
[09:05] Agent (Kévin) : Vous devrez le changer à la première connexion.
[09:07] Moi : Ça marche, merci !
[09:07] Agent (Kévin) : Bonne journée, ticket clos."""


@tpl("helpdesk", "es", "secret", "password")
def hd_ticket_thread_user_pw(r):
    p = pw(r, safe="any")
    return f"""Resume este hilo del ticket para el informe semanal:

#48211 — No puedo entrar al correo desde el móvil
Usuario (Marta): Desde ayer el Outlook del móvil me pide la contraseña todo el rato. La que pongo es {S("password", p)} y en el ordenador funciona.
Técnico (Luis): Marta, por favor no escribas tu contraseña en el ticket, la cambiaremos por seguridad. ¿Tu móvil tiene la app Authenticator instalada?
Usuario (Marta): Sí, pero no me salta ninguna notificación.
Técnico (Luis): Hemos vuelto a registrar el método MFA. Prueba ahora."""


@tpl("helpdesk", "en", "secret", "bitlocker_recovery_key")
def hd_bitlocker_chat(r):
    k = "-".join(digits(r, 6, False) for _ in range(8))
    kid = uid(r, upper=True)
    return f"""Can you write a KB article from this chat so the next person doesn't have to call?

[07:51] Dan (Service Desk): Hi Sam, I can see the laptop LT-{digits(r, 5)} in Intune. Does the blue screen show Key ID {kid[:8]}?
[07:52] Sam: yes
[07:52] Dan (Service Desk): Great, type this recovery key: {S("bitlocker_recovery_key", k)}
[07:54] Sam: it booted!
[07:55] Dan (Service Desk): Perfect. It probably asked because of the BIOS update last night."""


@tpl("helpdesk", "en", "secret", "recovery_code")
def hd_mfa_backup_codes(r):
    codes = [hx(r, 5) + "-" + hx(r, 5) for _ in range(6)]
    lines = "\n".join(S("recovery_code", c) for c in codes)
    return f"""My manager asked me to store the recovery codes for the shared finance mailbox in our team wiki. Is that OK, or where should they go? These are the codes from the setup screen:

{lines}

Each code can be used once if the authenticator phone is lost."""


@tpl("helpdesk", "sv", "secret", "totp_secret")
def hd_totp_seed(r):
    s = totp_secret(r)
    return f"""Vi har ett delat konto för leverantörsportalen och vill att flera på ekonomi ska kunna logga in med tvåfaktor. IT skickade QR-koden som text:

otpauth://totp/Leverantorsportal:ekonomi%40kommunen.se?secret={S("totp_secret", s)}&issuer=Leverantorsportal&digits=6&period=30

Kan alla lägga in samma kod i sina appar, eller bryter det mot något?"""


@tpl("helpdesk", "en", "secret", "password")
def hd_laps_output(r):
    p = rs(r, 20, AN + "!@#%&*-_+=?")
    return f"""I ran this to get into a kiosk PC in the lobby. Why does it say the password expires in the past?

PS C:\\> Get-LapsADPassword -Identity KIOSK-LOBBY-02 -AsPlainText

ComputerName        : KIOSK-LOBBY-02
DistinguishedName   : CN=KIOSK-LOBBY-02,OU=Kiosks,DC=corp,DC=example,DC=org
Account             : Administrator
Password            : {S("password", p)}
PasswordUpdateTime  : 12/01/2025 03:12:44
ExpirationTimestamp : 01/31/2026 03:12:44
Source              : EncryptedPassword
DecryptionStatus    : Success"""


@tpl("helpdesk", "en", "secret", "password_spelled")
def hd_phone_spelled_only(r):
    word = r.choice(["harbor", "violet", "jungle", "marble", "rocket"])
    num = [r.randint(0, 9) for _ in range(2)]
    toks = ["capital " + word[0].upper()] + [c for c in word[1:]] + [DIGIT_WORDS[d] for d in num] + ["exclamation mark"]
    spelled = ", ".join(toks)
    return f"""Transcript of a voicemail left on the service desk line (auto-transcribed). Can you turn it into a ticket?

"Hi, this is Gareth from the Cardiff depot, badge 4471. I'm locked out of the route-planning system again. I reset it yesterday and set it to, um, {S("password_spelled", spelled)}, and now it says the password is wrong. Can someone call me back on the depot landline before ten? Thanks." """


@tpl("helpdesk", "ja", "secret", "pin")
def hd_spoken_door_code(r):
    c = pin(r, 4)
    spoken = " ".join(c)
    return f"""ヘルプデスクへの電話を音声認識で文字起こししたものです。要点をチケット用にまとめてください。

オペレーター：はい、情報システム部ヘルプデスクです。
利用者：あ、総務の田中です。サーバー室の入口のテンキー、番号が変わったって聞いたんですけど。
オペレーター：はい、今週から {S("pin", spoken)} です。最後にシャープを押してください。
利用者：{S("pin", spoken)} ですね、わかりました。入室簿も書いておきます。
オペレーター：お願いします。"""


@tpl("helpdesk", "en", "secret", "zendesk_api_token")
def hd_zendesk_curl(r):
    t = rs(r, 40)
    return f"""I want to bulk-tag old tickets via the Zendesk API but get 401. What's wrong with the auth?

curl https://citywater-support.zendesk.com/api/v2/tickets/update_many.json?ids=10231,10232,10240 \\
  -u "it-automation@citywater.gov/token:{S("zendesk_api_token", t)}" \\
  -X PUT -H "Content-Type: application/json" \\
  -d '{{"ticket": {{"additional_tags": ["legacy-meter"]}}}}'"""


@tpl("helpdesk", "pt", "secret", "freshdesk_api_key")
def hd_freshdesk_key(r):
    k = rs(r, 20)
    return f"""O script que cria chamados no Freshdesk a partir dos alertas do monitoramento parou de funcionar. Trecho:

FRESHDESK_DOMINIO = "suporte-prefeitura"
FRESHDESK_API_KEY = "{S("freshdesk_api_key", k)}"

resp = requests.post(
    f"https://{{FRESHDESK_DOMINIO}}.freshdesk.com/api/v2/tickets",
    auth=(FRESHDESK_API_KEY, "X"),
    json={{"subject": alerta.titulo, "priority": 2, "status": 2, "email": "monitor@prefeitura.gov.br"}},
)

Retorna 403 "access denied". A chave é do agente que saiu da empresa, pode ser isso?"""


@tpl("helpdesk", "en", "secret", "duo_secret_key")
def hd_duo_authproxy(r):
    ikey = "DI" + rs(r, 18, UP + DG)
    skey = rs(r, 40)
    return f"""VPN logins now hang for 60 seconds and then fail since we moved the Duo Authentication Proxy to a new VM. authproxy.cfg:

[ad_client]
host=10.0.4.10
service_account_username=svc-duoproxy
service_account_password_protected=AQAAANCMnd8BFdERjHoAwE...
search_dn=DC=corp,DC=example,DC=org

[radius_server_auto]
ikey={ikey}
skey={S("duo_secret_key", skey)}
api_host=api-{hx(r, 8)}.duosecurity.com
radius_ip_1=10.0.1.1
radius_secret_1_protected=AQAAANCMnd8BFdERjHoAwE...
client=ad_client

The protected values were re-encrypted on the new VM. Anything else that's machine-bound?"""


@tpl("helpdesk", "ko", "secret", "password")
def hd_onboarding_ko(r):
    p = pw(r, safe="any")
    return f"""신규 입사자 안내 메일인데, 더 친절하게 다듬어 주세요.

"김민지 님, 입사를 환영합니다.
사내 포털 아이디: minji.kim
초기 비밀번호: {S("password", p)}
최초 로그인 시 비밀번호를 변경해야 하며, OTP 앱 등록은 첫날 오후 보안 교육 때 함께 진행합니다.
문의: 정보보안팀 내선 3300" """


@tpl("helpdesk", "zh", "secret", "password")
def hd_reset_email_zh(r):
    p = pw(r, safe="any")
    return f"""帮我把这封重置密码的通知改得正式一点：

"王老师您好：
您在学校统一身份认证平台的密码已按工单 {digits(r, 8)} 重置。
临时密码：{S("password", p)}
请在 48 小时内登录 https://ids.xuexiao.edu.cn 修改密码，否则临时密码失效。
信息中心" """


@tpl("helpdesk", "ar", "secret", "password")
def hd_chat_ar(r):
    p = pw(r, safe="any")
    return f"""لخّص لي هذه المحادثة مع الدعم الفني في نقاط:

[10:14] الموظف (سارة): مرحباً، لا أستطيع الدخول إلى نظام الموارد البشرية.
[10:15] الدعم (أحمد): أهلاً سارة، تم قفل الحساب بسبب محاولات خاطئة. سأعيد تعيين كلمة المرور.
[10:17] الدعم (أحمد): كلمة المرور المؤقتة هي {S("password", p)}
[10:17] الدعم (أحمد): سيطلب منك النظام تغييرها فور الدخول.
[10:19] الموظف (سارة): تم، شكراً جزيلاً."""


@tpl("helpdesk", "tr", "secret", "password")
def hd_ticket_tr(r):
    p = pw(r, style="nonascii", lang="tr", safe="any")
    return f"""Bu destek talebi yazışmasını yöneticime kısa bir özet olarak yazar mısın?

Talep #{digits(r, 5)} — ERP'ye giriş yapamıyorum
Kullanıcı (Emre): Sabahtan beri ERP "hatalı kullanıcı adı veya şifre" diyor. Şifrem {S("password", p)}, Caps Lock kapalı.
Destek (Zeynep): Emre Bey, şifrenizi buraya yazmamanız gerekirdi; hesabınızı sıfırladım, yeni geçici şifre SMS ile gelecek.
Kullanıcı (Emre): Geldi, giriş yaptım, teşekkürler."""


@tpl("helpdesk", "vi", "secret", "password")
def hd_chat_vi(r):
    p = pw(r, style="nonascii", lang="vi", safe="any")
    return f"""Nhờ bạn tóm tắt đoạn chat hỗ trợ này thành biên bản ngắn:

[08:30] Chị Hằng (kế toán): Em ơi chị không vào được phần mềm kế toán, báo sai mật khẩu.
[08:32] IT (Tuấn): Chị chờ em chút, em reset cho chị.
[08:35] IT (Tuấn): Xong rồi chị, mật khẩu mới là {S("password", p)} — chị đăng nhập xong đổi lại giúp em nhé.
[08:40] Chị Hằng (kế toán): Vào được rồi, cảm ơn em."""


@tpl("helpdesk", "he", "secret", "password")
def hd_onboarding_he(r):
    p = pw(r, safe="any")
    return f"""תוכל לשפר את הנוסח של מייל הקליטה הזה לעובדים חדשים?

"שלום דנה, ברוכה הבאה לעירייה!
שם המשתמש שלך: dana.levi
סיסמה ראשונית: {S("password", p)}
בכניסה הראשונה תתבקשי לבחור סיסמה חדשה. הגדרת אימות דו-שלבי תתבצע ביום ההדרכה.
צוות מערכות מידע" """


@tpl("helpdesk", "bn", "secret", "password")
def hd_support_bn(r):
    p = pw(r, safe="any")
    return f"""আইটি সাপোর্ট থেকে এই বার্তাটা এসেছে, এটাকে একটু গুছিয়ে অফিসের নোটিশ বোর্ডের জন্য লিখে দিন (পাসওয়ার্ড বাদ দিয়ে):

"রহিম ভাই, আপনার অফিস ইমেইলের পাসওয়ার্ড রিসেট করা হয়েছে। নতুন অস্থায়ী পাসওয়ার্ড: {S("password", p)}
প্রথমবার লগইন করার পর অবশ্যই পাসওয়ার্ড বদলে নেবেন। সমস্যা হলে এক্সটেনশন ২১০-এ ফোন করুন।" """


@tpl("helpdesk", "th", "secret", "remote_access_password")
def hd_anydesk_th(r):
    addr = digits(r, 10)
    p = rs(r, 8, LO + DG)
    return f"""ช่วยสรุปบทสนทนานี้ลงในใบงานให้หน่อยครับ

[13:02] ผู้ใช้ (คุณนิด): เครื่องพิมพ์ที่ฝ่ายบัญชีพิมพ์ไม่ออกค่ะ
[13:04] ไอที (ต้น): เปิด AnyDesk ให้ผมหน่อยครับ แล้วบอกหมายเลขกับรหัสผ่านครับ
[13:06] ผู้ใช้ (คุณนิด): หมายเลข {addr} รหัสผ่าน {S("remote_access_password", p)} ค่ะ
[13:20] ไอที (ต้น): ติดตั้งไดรเวอร์ใหม่แล้ว พิมพ์ได้แล้วครับ ปิด AnyDesk ได้เลยครับ"""


@tpl("helpdesk", "en", "secret", "sendgrid_api_key")
def hd_sendgrid_notifications(r):
    k = "SG." + rs(r, 22, B64U) + "." + rs(r, 43, B64U)
    return f"""The help desk tool's outbound e-mail (ticket notifications) goes through SendGrid. Since Monday nothing is delivered. Settings page export:

[mail]
transport = smtp
smtp_host = smtp.sendgrid.net
smtp_port = 587
smtp_user = apikey
smtp_password = {S("sendgrid_api_key", k)}
from_address = servicedesk@harbourcity.gov

SendGrid activity shows no attempts at all, so it's failing before that?"""


@tpl("helpdesk", "en", "secret", "atlassian_api_token")
def hd_jsm_token(r):
    t = "ATATT3xFfGF0" + rs(r, 180, B64U) + "=" + hx(r, 8, True)
    return f"""Our script that opens Jira Service Management tickets from customer e-mails (Jakarta office) fails with 401. Code:

JIRA_URL = "https://layanan-pelanggan.atlassian.net"
JIRA_EMAIL = "otomasi@perusahaan.co.id"
JIRA_TOKEN = "{S("atlassian_api_token", t)}"

requests.post(f"{{JIRA_URL}}/rest/servicedeskapi/request",
              auth=(JIRA_EMAIL, JIRA_TOKEN),
              json={{"serviceDeskId": "4", "requestTypeId": "31", "requestFieldValues": {{"summary": subjek}}}})

Does the API token have to belong to an account with an agent licence?"""


# ---- helpdesk negatives


@tpl("helpdesk", "en", "not_secret", "reset_notice")
def hd_reset_sms_code(r):
    return """Please make this self-service reset e-mail shorter:

"Hello,
We received a request to reset the password for your staff account. To continue, open https://passwordreset.microsoftonline.com from a trusted device and enter the 6-digit code we sent to the mobile number ending in 82. If you did not request a reset, ignore this message and contact the Service Desk — your password has not been changed.
IT Service Desk" """


@tpl("helpdesk", "fr", "not_secret", "security_advice")
def hd_agent_refuses(r):
    return """Peux-tu reformuler cette réponse type du support pour qu'elle soit plus chaleureuse ?

« Bonjour, pour votre sécurité, le support informatique ne vous demandera jamais votre mot de passe, ni par téléphone, ni par chat, ni par e-mail. Si quelqu'un vous le demande en se présentant comme le support, ne le donnez pas et signalez-le via le bouton « Signaler un hameçonnage » dans Outlook. Pour réinitialiser votre mot de passe, utilisez le portail libre-service. » """


@tpl("helpdesk", "en", "not_secret", "identifier")
def hd_servicenow_sys_ids(r):
    return f"""Our integration updates incidents by sys_id. These two keep failing with "record not found" — are they maybe from the dev instance?

INC{digits(r, 7)}  sys_id={hx(r, 32)}  caller=jsmith  assignment_group=Service Desk L1
INC{digits(r, 7)}  sys_id={hx(r, 32)}  caller=mlee    assignment_group=Desktop Support
Change: CHG{digits(r, 7)}  sys_id={hx(r, 32)}"""


@tpl("helpdesk", "de", "not_secret", "identifier")
def hd_bitlocker_key_id(r):
    kid = uid(r, upper=True)
    return f"""Ein Kollege sieht beim Start den BitLocker-Wiederherstellungsbildschirm. Er hat mir ein Foto geschickt, darauf steht:

"Geben Sie den Wiederherstellungsschlüssel für dieses Laufwerk ein.
Schlüssel-ID (zur Identifizierung): {kid}
Weitere Informationen: aka.ms/recoverykeyfaq"

Wo finde ich im Entra-Admin-Center den passenden Schlüssel zu dieser ID, und darf ich ihn am Telefon vorlesen?"""


@tpl("helpdesk", "en", "not_secret", "password_prompt")
def hd_powershell_get_credential(r):
    return """This script for the service desk resets a user's password and should ask the technician for the new one without echoing it. Is it safe?

param([Parameter(Mandatory)] [string]$SamAccountName)

$new = Read-Host -AsSecureString -Prompt "New temporary password for $SamAccountName"
Set-ADAccountPassword -Identity $SamAccountName -Reset -NewPassword $new
Set-ADUser -Identity $SamAccountName -ChangePasswordAtLogon $true
Unlock-ADAccount -Identity $SamAccountName
Write-Host "Done. Tell the user the password by phone, never by e-mail." """


@tpl("helpdesk", "es", "not_secret", "redacted")
def hd_chat_auto_masked(r):
    return """Haz un resumen de esta conversación del chat de soporte para cerrar el ticket:

[11:20] Usuario: Hola, me pide la clave del VPN y no sé si es la misma del correo
[11:21] Usuario: he probado con ******** (mensaje ocultado automáticamente: posible contraseña)
[11:22] Agente (Nuria): Por favor no escriba contraseñas en el chat. La del VPN es la misma que la del correo.
[11:25] Usuario: Ya conecta, gracias."""


@tpl("helpdesk", "nl", "not_secret", "password_policy")
def hd_policy_nl(r):
    return """Kun je deze wachtwoordregels omzetten in een korte FAQ voor de intranetpagina?

- Een wachtwoord heeft minimaal 14 tekens; een zin van vier woorden mag.
- Je hoeft je wachtwoord niet periodiek te wijzigen, alleen bij een vermoeden van misbruik.
- Hetzelfde wachtwoord mag niet gebruikt worden voor privé-accounts.
- Na tien mislukte pogingen wordt je account 15 minuten geblokkeerd.
- De servicedesk vraagt nooit naar je wachtwoord."""


@tpl("helpdesk", "pl", "not_secret", "username")
def hd_account_created_pl(r):
    return f"""Zredaguj tę wiadomość do nowego pracownika:

"Dzień dobry Panie Janie, konto w systemie kadrowym zostało utworzone. Login: jan.kowalski{r.randint(1, 9)}, adres e-mail: jan.kowalski@urzad-gminy.pl. Hasło tymczasowe przekażemy osobiście pierwszego dnia pracy w pokoju 12 (dział IT)." """


@tpl("helpdesk", "it", "not_secret", "password_hint")
def hd_hint_it(r):
    return """Mia madre ha un foglietto con scritto solo questo per l'account dell'ASL:

"promemoria password: nome del primo cane + anno del matrimonio, con la prima lettera maiuscola"

Non ricorda quale cane fosse il primo. Come posso aiutarla a recuperare l'accesso al fascicolo sanitario senza la password? Ha lo SPID?"""


@tpl("helpdesk", "ja", "not_secret", "out_of_band_notice")
def hd_out_of_band_ja(r):
    return """この案内文をもう少し丁寧な文章に直してください。

「新入職員の皆様へ。電子カルテおよびグループウェアのアカウントは 4 月 1 日に有効になります。ユーザー ID は職員番号です。初回ログイン用パスワードは、各部署の所属長経由で封書にてお渡しします。メールや電話ではお知らせしませんのでご注意ください。」"""


@tpl("helpdesk", "ko", "not_secret", "placeholder")
def hd_template_ko(r):
    return """헬프데스크 메일 템플릿입니다. 변수 부분이 잘 보이게 정리해 주세요.

제목: [정보시스템팀] {성명} 님 계정 비밀번호 초기화 안내

{성명} 님, 요청하신 계정({아이디})의 비밀번호가 초기화되었습니다.
임시 비밀번호: {임시비밀번호}
임시 비밀번호는 24시간 후 만료되며, 로그인 후 즉시 변경해 주세요."""


@tpl("helpdesk", "en", "not_secret", "revoked_credential")
def hd_temp_password_expired(r):
    return """Can you draft a reply to this user? He forwarded an old reset e-mail and says it doesn't work.

His message: "You sent me temp password Wi********!! last week, it says invalid now."

Facts: that temporary password expired after 24 hours and was revoked when he requested a second reset on Thursday. He needs to use the self-service portal or call us to verify identity."""


@tpl("helpdesk", "en", "not_secret", "request_id")
def hd_aadsts_correlation(r):
    return f"""A colleague gets this error when signing in to Office. What causes it, and what should we send to IT?

AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication.
Request Id: {uid(r)}
Correlation Id: {uid(r)}
Timestamp: 2026-03-02T01:15:44Z
App name: Microsoft Office
Device identifier: Not available"""


@tpl("helpdesk", "ar", "not_secret", "security_advice")
def hd_mfa_number_match_ar(r):
    return f"""أعد صياغة هذه التعليمات للموظفين بشكل أبسط:

"عند تسجيل الدخول سيظهر على شاشة الحاسوب رقم مكون من رقمين (مثل {r.randint(10, 99)}). أدخل هذا الرقم في تطبيق Authenticator على هاتفك فقط إذا كنت أنت من يحاول الدخول الآن. إذا وصلك طلب لم تقم به، فاضغط «رفض» ثم «لم أكن أنا» وأبلغ الدعم الفني فوراً." """


@tpl("helpdesk", "en", "not_secret", "version_string")
def hd_version_tr(r):
    return f"""Users say their VPN client is stuck on an old version. Can you make an inventory table out of this?

Client: GlobalProtect {r.randint(5, 6)}.{r.randint(0, 3)}.{r.randint(0, 9)}-{r.randint(10, 99)}
OS: Windows 11 23H2 (build 22631.{digits(r, 4)})
Portal version: 11.1.{r.randint(2, 6)}-h{r.randint(1, 9)}
Last update attempt: 28.02.2026, error code 0x{hx(r, 8, True)}"""


@tpl("helpdesk", "vi", "not_secret", "public_key")
def hd_ssh_pubkey_vi(r):
    k = "AAAAC3NzaC1lZDI1NTE5AAAAI" + b64(r, 32).rstrip("=")
    return f"""Em mới vào nhóm vận hành, anh IT bảo gửi khóa công khai để thêm vào máy chủ. Em gửi cái này có đúng không ạ?

ssh-ed25519 {k} nguyen.van.an@laptop-van-hanh

Em tạo bằng lệnh ssh-keygen -t ed25519, file id_ed25519 thì em giữ lại trên máy."""


@tpl("helpdesk", "en", "not_secret", "masked_key")
def hd_recovery_codes_used(r):
    return f"""I'm down to my last MFA recovery code. The security page shows this — how do I generate a new set without locking myself out?

Recovery codes (generated 2025-06-14)
  ••••-••••   used 2025-09-02
  ••••-••••   used 2025-11-20
  ••••-••••   used 2026-01-08
  ••••-••••   unused
  [Regenerate codes]"""


@tpl("helpdesk", "hi", "not_secret", "empty_value")
def hd_empty_password_hi(r):
    return """प्रिंटर से स्कैन करके ईमेल भेजने की सेटिंग यह है, लेकिन स्कैन ईमेल पर नहीं आता। क्या पासवर्ड वाला खाना खाली छोड़ना ठीक है?

SMTP सर्वर: smtp-relay.karyalay.local
पोर्ट: 25
प्रमाणीकरण: बंद
उपयोगकर्ता नाम:
पासवर्ड:
प्रेषक: scanner-2f@karyalay.gov.in

आईटी ने कहा था कि रिले सर्वर आंतरिक IP से बिना लॉगिन के मेल स्वीकार करता है।"""


@tpl("helpdesk", "th", "not_secret", "reset_notice")
def hd_reset_portal_th(r):
    return """ถอดเสียงจากสายโทรเข้าฝ่ายไอที ช่วยสรุปเป็นขั้นตอนให้ผู้ใช้หน่อยครับ

เจ้าหน้าที่: สวัสดีครับ ฝ่ายไอทีครับ
ผู้ใช้: ลืมรหัสผ่านเข้าระบบลาออนไลน์ค่ะ
เจ้าหน้าที่: ทางเราไม่สามารถบอกรหัสผ่านทางโทรศัพท์ได้ครับ ให้เข้าเว็บรีเซ็ตรหัสผ่านด้วยตัวเอง แล้วกรอกรหัส OTP ที่ส่งไปที่เบอร์มือถือที่ลงทะเบียนไว้ครับ
ผู้ใช้: เข้าใจแล้วค่ะ ขอบคุณค่ะ"""


@tpl("helpdesk", "id", "not_secret", "dummy_value")
def hd_kb_bad_example(r):
    return """Tolong rapikan artikel basis pengetahuan ini:

"Contoh kata sandi yang TIDAK boleh dipakai: P@ssw0rd, Password123, Jakarta2026, atau nama anak/tanggal lahir. Contoh kata sandi yang baik adalah kalimat panjang yang hanya Anda ketahui. Kata sandi contoh di artikel ini tidak dipakai oleh akun mana pun." """


@tpl("helpdesk", "he", "not_secret", "rotation_notice")
def hd_rotation_he(r):
    return """תוכל לקצר את ההודעה הזאת לכל העובדים?

"בעקבות אירוע אבטחה אצל ספק חיצוני, כל העובדים נדרשים להחליף את סיסמת הדואר והמחשב עד יום חמישי. לאחר מועד זה החשבונות שלא עודכנו יינעלו. צוות התמיכה לא ישלח לכם קישור להחלפת סיסמה במייל — ההחלפה מתבצעת רק דרך המחשב במשרד (Ctrl+Alt+Del ← שינוי סיסמה)." """


@tpl("helpdesk", "ms", "not_secret", "serial_number")
def hd_laptop_serial_ms(r):
    return f"""Tolong susun maklumat ini dalam jadual untuk borang pemulangan komputer riba:

Nama pegawai: Nurul Aina binti Razak
Tag aset: JKR-LT-{digits(r, 5)}
Nombor siri: {rs(r, 10, UP + DG)}
Model: Latitude 5450
Alamat MAC Wi-Fi: {":".join(hx(r, 2, True) for _ in range(6))}
Tarikh pulang: 05/03/2026"""


# ================================================================== governance
GROUP_DESC["governance"] = "audit findings, incident reports, post-mortems and change requests in regulated organisations"


@tpl("governance", "en", "secret", "password")
def g_audit_hardcoded(r):
    p = pw(r, safe="ini")
    return f"""Help me word this internal audit finding so it's clear but not accusatory:

Finding IA-2026-07 (High): Hard-coded credential in claims export script
The script \\\\fs02\\scripts\\claims_export.ps1 (last modified 2025-11-03) contains the SQL login for the claims warehouse in clear text:
    $cred = New-Object PSCredential("svc_claims_rpt", (ConvertTo-SecureString "{S("password", p)}" -AsPlainText -Force))
The share is readable by all members of "Finance-Users" (312 accounts). The account has db_datareader on CLAIMS_DW.
Recommendation: rotate the password, move the credential to the vault, restrict the share."""


@tpl("governance", "en", "secret", "aws_access_key")
def g_incident_aws_pair(r):
    kid, ks = aws_id(r), aws_secret(r)
    return f"""Please tighten up the timeline section of this incident report draft (the key is still active until the vendor confirms the new one works — we'll rotate after):

13:02 GitHub secret scanning alert on public repo "county-gis-tools" (vendor account).
13:10 Confirmed the file deploy/settings.ini contains our production key pair:
      aws_access_key_id = {S("aws_access_key_id", kid)}
      aws_secret_access_key = {S("aws_secret_access_key", ks)}
13:25 CloudTrail reviewed for the last 30 days; no calls from unknown IPs.
13:40 Vendor asked to remove the commit and purge history."""


@tpl("governance", "de", "secret", "password")
def g_change_request_service_account(r):
    p = pw(r, safe="any")
    return f"""Kannst du diesen Change-Antrag so umformulieren, dass er dem CAB-Template entspricht?

Change RFC-{digits(r, 5)}: Passwortwechsel Dienstkonto svc_dms_scan
Beschreibung: Das Dienstkonto des Dokumentenscanners in der Poststelle wird auf ein neues Kennwort umgestellt. Neues Kennwort: {S("password", p)}
Umsetzung: Samstag 06:00–07:00, Eintrag im Scan-Server (Konfiguration > SMB-Ziel) und in der Scanner-Weboberfläche.
Rückfall: altes Kennwort bleibt bis Montag gültig.
Risiko: gering."""


@tpl("governance", "fr", "secret", "github_pat")
def g_audit_github_pat(r):
    t = "github_pat_11" + rs(r, 20, UP + DG) + "_" + rs(r, 59)
    return f"""Peux-tu rédiger la constatation d'audit à partir de ces notes ?

Constat : dans le dépôt interne « teleservices-mairie », le fichier .github/workflows/deploy.yml contient en clair un jeton d'accès personnel :
  GH_TOKEN: {S("github_pat", t)}
Le jeton appartient au compte d'un prestataire dont le contrat s'est terminé en décembre. Il a les droits « Contents: write » sur 14 dépôts.
Recommandation : révoquer, utiliser un GitHub App ou OIDC, revue trimestrielle des jetons."""


@tpl("governance", "es", "secret", "gitlab_pat")
def g_incident_gitlab_ci(r):
    t = "glpat-" + rs(r, 20, B64U)
    return f"""Redacta el informe de incidente a partir de este extracto del log del pipeline que un proveedor publicó en el foro de soporte:

$ git clone https://oauth2:{S("gitlab_pat", t)}@gitlab.aseguradora.es/siniestros/backend.git
Cloning into 'backend'...
$ ./gradlew test
BUILD SUCCESSFUL in 2m 14s

El token pertenece al usuario de servicio «ci-siniestros» con rol Maintainer. Estructura: resumen, impacto, acciones, lecciones aprendidas."""


@tpl("governance", "nl", "secret", "azure_sas_token")
def g_audit_sas_wiki(r):
    sig = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
    sig_enc = sig.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")
    return f"""Maak van deze aantekening een auditbevinding voor de gemeente:

Op de interne wiki-pagina "Exports BRP-koppeling" staat een directe link naar de exportcontainer:
https://stgemeenteexports.blob.core.windows.net/brp-export?sp=racwdl&st=2025-09-01T00:00:00Z&se=2027-09-01T00:00:00Z&spr=https&sv=2022-11-02&sr=c&sig={S("azure_sas_token", sig_enc)}
De SAS geeft lees-, schrijf- en verwijderrechten op de hele container en is nog twee jaar geldig. De wiki is leesbaar voor alle medewerkers."""


@tpl("governance", "pl", "secret", "azure_storage_key")
def g_incident_storage_conn(r):
    k = azure_storage_key(r)
    return f"""Pomóż uporządkować raport z incydentu. Fragment logu aplikacji e-wniosków, który trafił do publicznego zgłoszenia u dostawcy:

System.FormatException: Settings must be of the form "name=value".
   at Microsoft.Azure.Storage.CloudStorageAccount.Parse(String connectionString)
   connectionString = "DefaultEndpointsProtocol=https;AccountName=stewnioskiprod;AccountKey={S("azure_storage_key", k)};EndpointSuffix=core.windows.net"

Chcę sekcje: co się stało, jakie dane były zagrożone, co zrobiliśmy."""


@tpl("governance", "it", "secret", "azure_service_bus_key")
def g_change_service_bus(r):
    k = sas_key(r)
    return f"""Sistema questa richiesta di modifica per il comitato (CAB) del venerdì:

RFC-{digits(r, 4)} — Nuova coda per le notifiche PagoPA
Attività: creare la coda "pagopa-esiti" nel namespace sb-tributi-prod e aggiornare la stringa di connessione del servizio esiti:
Endpoint=sb://sb-tributi-prod.servicebus.windows.net/;SharedAccessKeyName=esiti-send;SharedAccessKey={S("azure_service_bus_key", k)}
Finestra: 22:00–23:00. Rollback: ripristino della configurazione precedente."""


@tpl("governance", "en", "secret", "slack_webhook")
def g_postmortem_slack(r):
    url = f"https://hooks.slack.com/services/T{rs(r, 10, UP + DG)}/B{rs(r, 10, UP + DG)}/{rs(r, 24)}"
    return f"""Clean up this post-mortem section. We want to keep the exact config that caused the alert storm:

Root cause: the new claims-queue monitor posted every retry to #claims-oncall.
alertmanager.yml receiver:
  - name: claims-oncall
    slack_configs:
      - api_url: {S("slack_webhook", url)}
        channel: '#claims-oncall'
        send_resolved: true
Contributing factor: group_interval was 10s instead of 5m."""


@tpl("governance", "ja", "secret", "jwt")
def g_audit_jwt_access_log(r):
    tok = jwt(r, {"sub": "staff-" + digits(r, 5), "role": "kyufu_admin", "iss": "https://auth.city-portal.lg.jp",
                  "exp": 1893456000}, alg="HS256")
    return f"""監査で指摘された内容です。報告書の「指摘事項」欄に使える文章にしてください。

給付金申請システムの Web サーバーのアクセスログに、認証トークンがクエリ文字列として記録されていた。例：
10.2.1.44 - - [14/Feb/2026:09:12:33 +0900] "GET /admin/export?format=csv&token={S("jwt", tok)} HTTP/1.1" 200 182331
当該トークンの有効期限は 2030 年までとなっており、ログは委託業者も閲覧可能であった。"""


@tpl("governance", "en", "secret", "datadog_api_key")
def g_change_datadog(r):
    a, b = hx(r, 32), hx(r, 40)
    return f"""Draft change request — please put it into our standard format.

Change no.: CR-2026-0{digits(r, 3)}
Summary: install the Datadog agent on the 12 claims-system servers (Seoul)
Settings:
  DD_API_KEY={S("datadog_api_key", a)}
  DD_APP_KEY={S("datadog_app_key", b)}
  DD_SITE=ap1.datadoghq.com
  DD_ENV=prod-claims
Window: Saturday 02:00–04:00
Rollback: stop the agent service and remove the package"""


@tpl("governance", "sv", "secret", "newrelic_api_key")
def g_newrelic_audit(r):
    k = "NRAK-" + rs(r, 27, UP + DG)
    return f"""Hjälp mig formulera detta som en revisionsanmärkning för regionens IT-revision:

I konfigurationsfilen för övervakningen av vårdportalen (/etc/newrelic-infra/integrations.d/portal.yml), som ligger i ett delat git-repo utan åtkomstbegränsning, finns en användarnyckel med full behörighet:
  api_key: {S("newrelic_api_key", k)}
Nyckeln tillhör en namngiven administratör, inte ett tjänstekonto."""


@tpl("governance", "cs", "secret", "dynatrace_api_token")
def g_dynatrace_cr(r):
    t = "dt0c01." + rs(r, 24, UP + DG) + "." + rs(r, 64, UP + DG)
    return f"""Uprav prosím tuto žádost o změnu do podoby pro změnový výbor:

Změna: nasazení OneAgenta na servery spisové služby
Postup: na každém serveru spustit
  ./Dynatrace-OneAgent-Linux.sh --set-server=https://{rs(r, 8, LO + DG)}.live.dynatrace.com/communication --set-tenant={rs(r, 8, LO + DG)} --set-tenant-token={S("dynatrace_api_token", t)} --set-host-group=spisova-sluzba-prod
Okno: sobota 20:00–22:00
Riziko: restart aplikačního serveru"""


@tpl("governance", "tr", "secret", "openai_api_key")
def g_audit_openai_key(r):
    k = "sk-proj-" + rs(r, 74, B64U) + "T3BlbkFJ" + rs(r, 74, B64U)
    return f"""İç denetim bulgusunu rapor formatında yazar mısın?

Bulgu: Çağrı merkezi ekibi, müşteri şikâyetlerini özetlemek için kendi yazdıkları bir Excel makrosunda kurumsal OpenAI anahtarını kullanıyor. Makro dosyası (sikayet_ozet.xlsm) ortak klasörde ve VBA kodunda şu satır var:
  Const API_KEY As String = "{S("openai_api_key", k)}"
Müşteri adları ve telefon numaraları da özetleme isteğine dahil ediliyor. KVKK açısından değerlendirilmeli."""


@tpl("governance", "zh", "secret", "feishu_webhook")
def g_feishu_incident(r):
    url = f"https://open.feishu.cn/open-apis/bot/v2/hook/{uid(r)}"
    return f"""帮我把这份安全事件报告的“事件经过”部分写规范一点：

3 月 1 日 10:20，运维同事在公开的技术博客中贴出了生产告警脚本，其中包含飞书群机器人地址：
WEBHOOK = "{S("feishu_webhook", url)}"
该机器人位于“核心账务-告警”群，任何人可通过该地址向群内发送消息。10:45 已删除博客文章，机器人尚未重置。"""


@tpl("governance", "vi", "secret", "hmac_secret")
def g_hmac_payment_callback(r):
    s = hx(r, 64)
    return f"""Viết giúp mình phát hiện kiểm toán này theo mẫu báo cáo:

Trong mã nguồn cổng thanh toán học phí (file PaymentCallbackController.java), khóa bí mật dùng để kiểm tra chữ ký HMAC của ngân hàng được ghi cứng:
    private static final String HASH_SECRET = "{S("hmac_secret", s)}";
Kho mã được chia sẻ cho 3 nhà thầu. Nếu lộ khóa này, kẻ tấn công có thể giả mạo thông báo "đã thanh toán"."""


@tpl("governance", "en", "secret", "session_cookie")
def g_har_session_cookie(r):
    c = rs(r, 48, AN + "-_")
    return f"""Write the "evidence" paragraph of this incident report. A contractor attached a HAR file to a public vendor forum; the relevant request from it:

GET /admin/citizens/export?district=7 HTTP/2
Host: permits.countyservices.gov
Cookie: PERMITS_SESSION={S("session_cookie", c)}; lang=en
User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64)

The session belonged to an admin account and was valid for 8 hours from capture."""


@tpl("governance", "ms", "secret", "alibaba_access_key")
def g_audit_alibaba(r):
    kid = "LTAI5t" + rs(r, 18)
    ks = rs(r, 30)
    return f"""Tolong tulis semula penemuan audit ini dalam bahasa yang lebih formal:

Semasa semakan kod aplikasi semakan cukai tanah, kami menemui kunci akses Alibaba Cloud dalam fail config/oss.php:
  'access_key_id'     => '{S("alibaba_access_key_id", kid)}',
  'access_key_secret' => '{S("alibaba_access_key_secret", ks)}',
Kunci ini mempunyai kebenaran AliyunOSSFullAccess dan boleh membaca semua dokumen pemilik tanah yang dimuat naik."""


# ---- governance negatives


@tpl("governance", "en", "not_secret", "masked_key")
def g_audit_masked_only(r):
    return f"""Reword this audit observation to be more neutral:

Observation 4: API keys for the benefits portal are displayed in the admin console. When we tested, the console showed each key only partially (e.g. "bp_live_••••••••••••{hx(r, 4)}") and full keys could not be retrieved after creation. However, three keys had no expiry date and two belonged to staff who had left. Recommend a 12-month expiry and a quarterly review."""


@tpl("governance", "en", "not_secret", "revoked_credential")
def g_incident_key_revoked(r):
    return f"""Please write the "Actions taken" section of the incident report:

On 12 Feb we found that an access key of the service account "kfz-upload" (key ID ending …{rs(r, 4, UP + DG)}) had been included in a support request to the software vendor. The key was deactivated at 11:40 and deleted at 12:15; a new key was stored in Secrets Manager. CloudTrail shows no use from unknown IP addresses."""


@tpl("governance", "en", "not_secret", "doc_example_key")
def g_aws_doc_example(r):
    return """Our change-request template shows people how to fill in the CLI profile. Is it fine to keep the AWS documentation example values in the template?

[profile records-archive]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
region = eu-west-1

Real values must never be pasted into the CR; they come from the SSO portal."""


@tpl("governance", "fr", "not_secret", "secret_reference")
def g_change_vault_refs(r):
    return """Relis cette demande de changement : les références aux secrets sont-elles correctes ?

Changement CHG-2026-114 — Migration des identifiants du connecteur ANTS vers Vault
Avant : mot de passe dans /opt/connecteur/conf/ants.properties
Après :
  ants.password=${vault:secret/data/prefecture/ants#password}
  ants.client-cert-pass=${vault:secret/data/prefecture/ants#cert_password}
Politique Vault : connecteur-ants-ro (lecture seule)
Vérification : le service démarre et la synchro de 6h s'exécute sans erreur."""


@tpl("governance", "en", "not_secret", "git_sha")
def g_cr_commit_list(r):
    lines = "\n".join(f"  {hx(r, 40)}  {m}" for m in (
        "Add retention job for closed claims",
        "Fix rounding in premium calculator",
        "Bump log4j-core to 2.24.3",
        "Remove unused SFTP client"))
    return f"""Attach this to the change record as the release content. Can you format it as a table with short descriptions?

Release 7.14.0 (claims-core), commits since 7.13.2:
{lines}
Build: #{digits(r, 4)}, artifact sha256 {hx(r, 64)}"""


@tpl("governance", "en", "not_secret", "hash")
def g_evidence_hashes(r):
    return f"""For the incident's chain of custody I need to present this evidence in a table. Can you help?

Evidence 1: memory dump srv-nominas-01.raw — SHA-256 {hx(r, 64)}
Evidence 2: event logs Security.evtx — SHA-256 {hx(r, 64)}
Evidence 3: network capture 2026-02-27.pcapng — SHA-256 {hx(r, 64)}
Acquired by: J. Romero, 27/02/2026 16:40, with FTK Imager 4.7."""


@tpl("governance", "en", "not_secret", "certificate")
def g_cert_expiry_finding(r):
    return f"""Rephrase this audit observation about certificates:

"The TLS certificate of the portal servizi.comune-esempio.it (serial number {":".join(hx(r, 2) for _ in range(16))}, SHA-256 fingerprint {":".join(hx(r, 2, True) for _ in range(32))}) expires on 14/04/2026. There is no automated renewal or reminder; renewal depends on a single person." """


@tpl("governance", "en", "not_secret", "password_policy")
def g_policy_pl(r):
    return """Turn this into a short checklist for the password-policy compliance audit at the district office:

1. Privileged account passwords are at least 16 characters and are stored only in the password vault.
2. Service accounts have no interactive logon.
3. Default device passwords are changed before the device is connected to the network.
4. Passwords must not be sent by e-mail or instant messaging.
5. When an employee leaves, passwords of shared accounts are changed within 24 hours."""


@tpl("governance", "ja", "not_secret", "redacted")
def g_incident_redacted_ja(r):
    return """インシデント報告書の下書きです。時系列部分を整えてください。

2/20 14:05 委託先から「設定ファイルを誤ってメールに添付した」と連絡
2/20 14:20 添付ファイルを確認。DB 接続情報（ユーザー名: app_kokuho、パスワード: [報告書では伏せ字]）を含む
2/20 15:00 DB パスワードを変更、アプリを再起動
2/20 16:30 誤送信先に削除を依頼し、削除完了の回答を受領"""


@tpl("governance", "en", "not_secret", "secret_reference")
def g_cyberark_ref(r):
    return """Audit response material. Please turn this description of how service-account passwords are managed into report prose.

- The batch server's DB account password is stored in CyberArk (Safe: FIN-BATCH-PROD, Object: Database-Oracle-CLAIMSDB-batch_user)
- The application fetches it at run time via the Credential Provider: AppID=ClaimsBatch, Query="Safe=FIN-BATCH-PROD;Object=Database-Oracle-CLAIMSDB-batch_user"
- CPM changes the password automatically every 30 days"""


@tpl("governance", "en", "not_secret", "uuid")
def g_tenant_ids(r):
    return f"""The auditors want a list of the Swedish region's Azure environments. Can you make a table of this?

Tenant: region-vast.onmicrosoft.com — tenant-id {uid(r)}
Prenumeration "Vard-Prod" — {uid(r)}
Prenumeration "Vard-Test" — {uid(r)}
App-registrering "Journal-Integration" — application (client) id {uid(r)}, object id {uid(r)}"""


@tpl("governance", "cs", "not_secret", "placeholder")
def g_runbook_placeholders(r):
    return """Zkontroluj prosím tento postup pro obnovu spisové služby ze zálohy, jestli je srozumitelný:

1. Přihlásit se na server: ssh <uživatel>@spis-db01
2. Zastavit aplikaci: systemctl stop spis
3. Obnovit databázi: pg_restore -h localhost -U spis_admin -d spis /zalohy/spis_<datum>.dump
   (heslo zadat při výzvě, najdete ho v trezoru hesel pod položkou „Spisová služba – DB“)
4. Spustit aplikaci a ověřit přihlášení."""


@tpl("governance", "en", "not_secret", "request_id")
def g_cloudtrail_event(r):
    return f"""Explain what this CloudTrail event shows for our incident timeline:

{{
  "eventTime": "2026-02-27T13:41:09Z",
  "eventSource": "s3.amazonaws.com",
  "eventName": "GetObject",
  "sourceIPAddress": "203.0.113.77",
  "userIdentity": {{"type": "IAMUser", "principalId": "AIDA{rs(r, 17, B32)}", "userName": "gis-vendor-upload"}},
  "requestID": "{rs(r, 16, UP + DG)}",
  "eventID": "{uid(r)}",
  "requestParameters": {{"bucketName": "county-gis-private", "key": "parcels/owners_2025.csv"}}
}}"""


@tpl("governance", "en", "not_secret", "encrypted_blob")
def g_sops_yaml(r):
    return f"""The audit team asks whether this file in the repository is safe. Please explain in plain language what a SOPS-encrypted file shows:

db_password: ENC[AES256_GCM,data:{b64(r, 18)},iv:{b64(r, 32)},tag:{b64(r, 16)},type:str]
sops:
    kms:
        - arn: arn:aws:kms:ap-south-1:{digits(r, 12)}:key/{uid(r)}
    lastmodified: "2026-02-20T08:11:42Z"
    version: 3.9.4"""


@tpl("governance", "bn", "not_secret", "security_advice")
def g_phishing_advice_bn(r):
    return """ফিশিং সংক্রান্ত এই সতর্কবার্তাটি কর্মীদের জন্য সহজ করে লিখে দিন:

"সম্প্রতি কয়েকজন কর্মী 'আইটি বিভাগ' পরিচয়ে একটি ইমেইল পেয়েছেন, যেখানে পাসওয়ার্ড যাচাইয়ের জন্য একটি লিংকে ক্লিক করতে বলা হয়েছে। আইটি বিভাগ কখনো ইমেইলে পাসওয়ার্ড চায় না। এমন ইমেইল পেলে লিংকে ক্লিক না করে সরাসরি আইটি হেল্পডেস্কে জানান।" """


@tpl("governance", "en", "not_secret", "version_string")
def g_sbom_versions(r):
    return f"""The auditors asked for the third-party components of the patient portal. Can you turn this SBOM extract into a short table?

pkg:maven/org.apache.logging.log4j/log4j-core@2.24.3
pkg:maven/org.springframework/spring-web@6.2.{r.randint(1, 9)}
pkg:npm/axios@1.7.{r.randint(1, 9)}
pkg:npm/jsonwebtoken@9.0.2
pkg:pypi/cryptography@44.0.{r.randint(0, 3)}
Build id: portal-{digits(r, 8)}-{hx(r, 7)}"""


@tpl("governance", "en", "not_secret", "username")
def g_dormant_accounts(r):
    return f"""Audit finding: accounts inactive for more than 90 days at the provincial office. Please make a table with recommendations:

budi.santoso — last login 2025-08-14 — Finance unit
siti.rahma — last login 2025-07-30 — HR unit
svc_laporan_lama — last login 2024-12-02 — service account
admin.vendor{r.randint(1, 9)} — last login 2025-06-11 — SIMDA vendor"""


# ================================================================== build
WORD = re.compile(r"[A-Za-z0-9_]")


def _isw(ch):
    return bool(WORD.fullmatch(ch))


def build_rows():
    names = [t["name"] for t in TEMPLATES]
    assert len(names) == len(set(names)), "duplicate template name"
    order = list(TEMPLATES)
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, t in enumerate(order):
        r = random.Random(SEED + "/" + t["name"])
        marked = t["fn"](r)
        text, ents = unmark(marked)
        row = {"id": "sg12-%03d" % i, "text": text, "label": t["label"],
               "type": t["type"], "entities": ents, "spans_known": True,
               "source": {"repo": REPO}}
        rows.append(row)
        meta.append(t)
    return rows, meta


def validate(rows, meta):
    errs = []
    texts = set()
    ids = set()
    for row, t in zip(rows, meta):
        rid, text, ents = row["id"], row["text"], row["entities"]
        where = "%s (%s)" % (rid, t["name"])
        if rid in ids:
            errs.append(where + ": duplicate id")
        ids.add(rid)
        if not re.fullmatch(r"sg12-\d{3}", rid):
            errs.append(where + ": bad id")
        if text in texts:
            errs.append(where + ": duplicate text")
        texts.add(text)
        if row["label"] == "secret":
            if not ents:
                errs.append(where + ": secret row without entities")
            if row["type"] not in SECRET_ROW_TYPES:
                errs.append(where + ": bad type")
        else:
            if ents:
                errs.append(where + ": not_secret row with entities")
            if row["type"] not in NEGATIVE_ROW_TYPES:
                errs.append(where + ": bad type")
        last_end = -1
        covered = set()
        for e in ents:
            s, en, v = e["start"], e["end"], e["value"]
            if e["type"] not in ENTITY_TYPES:
                errs.append(where + ": bad entity type " + e["type"])
            if text[s:en] != v:
                errs.append(where + ": span mismatch")
            if not v or v != v.strip():
                errs.append(where + ": whitespace at span edge %r" % v)
            if s < last_end:
                errs.append(where + ": overlapping spans")
            last_end = en
            if v in DOC_EXAMPLES or "EXAMPLE" in v:
                errs.append(where + ": documentation example marked")
            if not t["glued"]:
                if s > 0 and _isw(text[s - 1]) and _isw(text[s]):
                    errs.append(where + ": span starts inside a word: %r" % text[s - 5:s + 5])
            if en < len(text) and _isw(text[en - 1]) and _isw(text[en]):
                errs.append(where + ": span ends inside a word: %r" % text[en - 5:en + 5])
            covered.add((s, en))
        for e in ents:
            v = e["value"]
            k = text.find(v)
            while k != -1:
                if not any(a <= k and k + len(v) <= b for a, b in covered):
                    errs.append(where + ": unmarked occurrence of %r at %d" % (v, k))
                k = text.find(v, k + 1)
        if "\r" in text:
            errs.append(where + ": carriage return in text")
    n = len(rows)
    sec = sum(1 for x in rows if x["label"] == "secret")
    nonen = sum(1 for t in meta if t["lang"] != "en")
    human = sum(1 for x in rows if x["label"] == "secret" and x["type"] in HUMAN_TYPES)
    if not 240 <= n <= 250:
        errs.append("row count %d outside 240-250" % n)
    if not 0.48 <= sec / n <= 0.56:
        errs.append("secret share %.3f outside 0.48-0.56" % (sec / n))
    if not 0.40 <= nonen / n <= 0.50:
        errs.append("non-English share %.3f outside 0.40-0.50" % (nonen / n))
    if not 0.35 <= human / sec <= 0.50:
        errs.append("human-password share %.3f outside 0.35-0.50" % (human / sec))
    langs = {t["lang"] for t in meta if t["lang"] != "en"}
    if len(langs) < 12:
        errs.append("only %d non-English languages" % len(langs))
    return errs


def dump(rows):
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows)


def stats(rows, meta):
    from collections import Counter, defaultdict
    n = len(rows)
    lab = Counter(x["label"] for x in rows)
    sec = lab["secret"]
    nonen = sum(1 for t in meta if t["lang"] != "en")
    human = sum(1 for x in rows if x["label"] == "secret" and x["type"] in HUMAN_TYPES)
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], sec, 100.0 * sec / n))
    print("non-English rows: %d (%.1f%%)" % (nonen, 100.0 * nonen / n))
    print("templates: %d (each used once)" % len(meta))
    print("human-password rows (password, password_spelled, pin): %d of %d secret rows (%.1f%%)" % (human, sec, 100.0 * human / sec))
    print()
    for title, key, keys in (("group", "group", GROUPS), ("language", "lang", list(LANGS))):
        c = defaultdict(Counter)
        for x, t in zip(rows, meta):
            c[t[key]][x["label"]] += 1
        print("%-20s  secret  not_secret  total" % title)
        for k in keys:
            if k not in c:
                continue
            name = k if key == "group" else "%s %s" % (k, LANGS[k])
            print("  %-20s %6d %11d %6d" % (name, c[k]["secret"], c[k]["not_secret"], c[k]["secret"] + c[k]["not_secret"]))
        print()
    for lbl in ("secret", "not_secret"):
        c = Counter(x["type"] for x in rows if x["label"] == lbl)
        print("row type (%s, %d kinds):" % (lbl, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %3d" % (k, v))
        print()
    c = Counter(e["type"] for x in rows for e in x["entities"])
    print("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-34s %3d" % (k, v))


def main(argv):
    rows, meta = build_rows()
    errs = validate(rows, meta)
    if errs:
        for e in errs:
            print("ERROR:", e, file=sys.stderr)
        return 1
    data = dump(rows)
    if "--stats" in argv:
        stats(rows, meta)
        return 0
    if "--check" in argv:
        with open(OUT, encoding="utf-8") as f:
            old = f.read()
        if old != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("ok: %d rows, identical" % len(rows))
        return 0
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    print("wrote %s: %d rows" % (OUT, len(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
