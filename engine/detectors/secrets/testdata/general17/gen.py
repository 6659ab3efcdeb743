#!/usr/bin/env python3
"""general17 — blind hold-out set for the Parapet secrets detector.

Python 3, standard library only, deterministic.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild and compare with holdout.jsonl byte for byte
    python3 gen.py --stats   print counts (groups, languages, kinds)

Templates use two markers:

    ⟦etype|spec⟧   a generated value, marked as an entity of type etype
    ⟪spec⟫         a generated value that is not marked (ids, filler)

spec is a '+'-joined list of parts: 'literal' or gen[,arg]; a trailing
>name saves the value, and a spec of =name reuses a saved value.
"""
import json
import os
import random
import re
import string
import sys

SEED = "parapet/general17/holdout/v1"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

GROUPS = {
    "health": "hospital and clinic IT",
    "edu": "university and school IT",
    "retail": "e-commerce and retail operations",
    "gov": "public sector and legal",
    "field": "construction and field service",
}
LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "sv": "Swedish", "tr": "Turkish", "ja": "Japanese", "zh": "Chinese",
    "ko": "Korean", "ru": "Russian", "uk": "Ukrainian", "cs": "Czech",
    "ar": "Arabic", "fi": "Finnish", "et": "Estonian", "el": "Greek",
    "da": "Danish", "ro": "Romanian", "hu": "Hungarian",
}
HUMAN = {"password", "passphrase", "pin", "one_time_code", "recovery_code",
         "security_answer", "recovery_key"}

# ---------------------------------------------------------------- values

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DG = string.digits
AN = UP + LO + DG
B64 = AN + "+/"
B64U = AN + "-_"
HEXL = "0123456789abcdef"

WORDS = ["tulpe", "sommer", "falke", "brise", "lumiere", "soleil", "marea",
         "cielo", "girassol", "praia", "tramonto", "gelato", "molen", "fiets",
         "jesien", "bursztyn", "sommar", "kanel", "deniz", "kartal", "sakura",
         "yuki", "hanami", "bada", "hangang", "zvezda", "berezka", "sokol",
         "qamar", "sahra", "kuusi", "revontuli", "meri", "thalassa", "havet",
         "munte", "duna", "panda", "lotus", "condor", "granite", "harbor",
         "maple", "copper", "lantern", "orchid", "falcon", "meadow", "cobalt"]
UWORDS = ["Sjöström", "Kraków", "Żubrówka", "Ärztehaus", "Çiçekçi", "Mañana",
          "Fjällräven", "Ôtel", "Łódź", "Größe", "Ñandú", "Smörgås"]
SYM = "!*_-+.@%"


def _cap(w):
    return w[0].upper() + w[1:]


def g_pw(r, _=None):
    shape = r.randrange(8)
    if shape == 0:
        v = _cap(r.choice(WORDS)) + str(r.randrange(10, 9999)) + r.choice("!*%@+")
    elif shape == 1:
        v = _cap(r.choice(WORDS)) + r.choice(SYM) + _cap(r.choice(WORDS)) + str(r.randrange(1, 99))
    elif shape == 2:
        v = r.choice("-._").join(r.choice(WORDS) for _ in range(r.randrange(3, 5)))
    elif shape == 3:
        v = "".join(r.choice(AN + "!*%@") for _ in range(r.randrange(12, 18)))
    elif shape == 4:
        walk = r.choice(["Qwertz", "Asdfgh", "Zxcvbn", "Qwerty", "Azerty", "Yxcvbn"])
        v = walk + r.choice("!@*%") + str(r.randrange(100, 9999))
    elif shape == 5:
        w = r.choice(WORDS)
        w = w.replace("a", "4").replace("e", "3").replace("o", "0").replace("i", "1")
        v = _cap(w) + r.choice("!*@") + str(r.randrange(10, 99))
    elif shape == 6:
        v = r.choice(UWORDS) + str(r.randrange(10, 999)) + r.choice("!*%")
    else:
        v = "".join(r.choice(AN) for _ in range(r.randrange(9, 12))) + r.choice("!*%") + \
            "".join(r.choice(DG) for _ in range(2))
    return v


def g_pwurl(r, _=None):
    shape = r.randrange(3)
    if shape == 0:
        return _cap(r.choice(WORDS)) + r.choice("-_.~") + _cap(r.choice(WORDS)) + str(r.randrange(10, 999))
    if shape == 1:
        return "".join(r.choice(AN + "-_") for _ in range(r.randrange(14, 22))) + r.choice(AN)
    return r.choice(WORDS) + "." + r.choice(WORDS) + "." + str(r.randrange(10, 99)) + r.choice(WORDS)


def g_pwsp(r, _=None):
    return " ".join(r.choice(WORDS) for _ in range(r.randrange(3, 5)))


def _chars(alpha):
    def g(r, n):
        return "".join(r.choice(alpha) for _ in range(int(n)))
    return g


def g_uuid(r, _=None):
    h = _chars(HEXL)
    return "-".join([h(r, 8), h(r, 4), "4" + h(r, 3), r.choice("89ab") + h(r, 3), h(r, 12)])


def g_digits(r, n):
    n = int(n)
    return str(r.randrange(1, 10)) + "".join(r.choice(DG) for _ in range(n - 1))


def g_azsecret(r, _=None):
    return _chars(AN)(r, 3) + r.choice(DG) + "Q~" + _chars(AN + "_~.-")(r, 33) + r.choice(AN)


def _pem_body(r, n_lines, first="MII"):
    body = first + _chars(B64)(r, 61)
    lines = [body] + [_chars(B64)(r, 64) for _ in range(n_lines - 1)]
    lines.append(_chars(B64)(r, r.randrange(20, 60)) + "==")
    return lines


def g_pem(r, kind="PRIVATE KEY"):
    kind = kind or "PRIVATE KEY"
    lines = _pem_body(r, r.randrange(8, 12))
    return "-----BEGIN %s-----\n%s\n-----END %s-----" % (kind, "\n".join(lines), kind)


def g_pemjson(r, _=None):
    lines = _pem_body(r, r.randrange(8, 12))
    return "-----BEGIN PRIVATE KEY-----\\n" + "\\n".join(lines) + "\\n-----END PRIVATE KEY-----"


def g_pubpem(r, _=None):
    lines = _pem_body(r, 5)
    return "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----" % "\n".join(lines)


def g_openssh(r, _=None):
    lines = ["b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAA" + _chars(B64)(r, 14)]
    lines += [_chars(B64)(r, 70) for _ in range(5)]
    lines.append(_chars(B64)(r, 30) + "=")
    return "-----BEGIN OPENSSH PRIVATE KEY-----\n%s\n-----END OPENSSH PRIVATE KEY-----" % "\n".join(lines)


def g_b64der(r, _=None):
    return "MIIEv" + _chars(B64)(r, 600) + "="


def g_codes(r, n):
    return _chars(LO + DG)(r, 4) + "-" + _chars(LO + DG)(r, 4)


def g_bitlocker(r, _=None):
    return "-".join("%06d" % (r.randrange(1, 65536) * 11) for _ in range(8))


def g_claim(r, _=None):
    a = _chars(UP + DG)
    return a(r, 4) + "-" + a(r, 6) + "-" + a(r, 4)


def g_word(r, _=None):
    return r.choice(WORDS)


def g_year(r, _=None):
    return str(r.randrange(2019, 2027))


def g_mac(r, _=None):
    return ":".join(_chars("0123456789ABCDEF")(r, 2) for _ in range(6))


GENS = {
    "pw": g_pw, "pwurl": g_pwurl, "pwsp": g_pwsp,
    "alnum": _chars(AN), "upper": _chars(UP), "lower": _chars(LO),
    "upnum": _chars(UP + DG), "lonum": _chars(LO + DG),
    "hex": _chars(HEXL), "hexup": _chars("0123456789ABCDEF"),
    "b64": _chars(B64), "b64url": _chars(B64U), "digits": g_digits,
    "uuid": g_uuid, "azsecret": g_azsecret, "pem": g_pem, "pemjson": g_pemjson,
    "pubpem": g_pubpem, "openssh": g_openssh, "b64der": g_b64der,
    "code": g_codes, "bitlocker": g_bitlocker, "claim": g_claim,
    "word": g_word, "year": g_year, "mac": g_mac,
}

# ---------------------------------------------------------------- templates

TEMPLATES = []


def T(group, lang, label, typ, text):
    TEMPLATES.append((group, lang, label, typ, text))


S, N = "secret", "not_secret"

# ===== health: hospital and clinic IT =====
g = "health"
T(g, "en", S, "password", "Our Mirth Connect channels stopped writing to the database after the weekend patch. This is the relevant part of mirth.properties, anything wrong?\n\ndatabase = postgres\ndatabase.url = jdbc:postgresql://mirthdb01:5432/mirthdb\ndatabase.username = mirth_svc\ndatabase.password = ⟦password|pw⟧\ndatabase.max-connections = 20")
T(g, "en", S, "client_secret", "Trying to get a backend-services token from the FHIR server for the population health export. I get invalid_client. My call:\n\ncurl -X POST https://fhir.stmarys-health.org/oauth2/token \\\n  -d \"grant_type=client_credentials&client_id=⟪uuid⟫&client_secret=⟦client_secret|alnum,48⟧&scope=system/Patient.read\"\n\nWhat am I missing?")
T(g, "en", S, "password", "Orthanc in the radiology lab refuses my login from the viewer. orthanc.json excerpt:\n\n{\n  \"Name\" : \"RAD-ORTHANC\",\n  \"AuthenticationEnabled\" : true,\n  \"RegisteredUsers\" : {\n    \"radviewer\" : \"⟦password|pw⟧\"\n  },\n  \"DicomAet\" : \"RADLAB\"\n}")
T(g, "en", S, "password", "How do I update the firmware on the practice's telematics connector? I'm logged into the admin page as praxisadmin with password ⟦password|pw⟧ but the update menu is greyed out.")
T(g, "fr", S, "azure_client_secret", "Notre application de prise de rendez-vous n'arrive plus à lire les agendas Outlook de la clinique. Voici le fichier .env sur le serveur, est-ce que le secret a expiré ?\n\nAZURE_TENANT_ID=⟪uuid⟫\nAZURE_CLIENT_ID=⟪uuid⟫\nAZURE_CLIENT_SECRET=⟦azure_client_secret|azsecret⟧\nGRAPH_SCOPE=https://graph.microsoft.com/.default")
T(g, "en", S, "twilio_auth_token", "The hospital's SMS appointment reminders stopped going out. Can you check the config?\n\nTWILIO_ACCOUNT_SID=AC⟪hex,32⟫\nTWILIO_AUTH_TOKEN=⟦twilio_auth_token|hex,32⟧\nTWILIO_FROM=+34910000000\n\nThe error is 20003 Authenticate.")
T(g, "en", S, "duo_secret_key", "Setting up Duo for Epic Hyperspace on the Citrix servers. The installer asks for these, I put them in like this, is the format right?\n\n[duo]\nikey = DI⟪upnum,18⟫\nskey = ⟦duo_secret_key|alnum,40⟧\nhost = api-⟪hex,8⟫.duosecurity.com\nfailmode = secure")
T(g, "ja", S, "password", "電子カルテのベンダーにリモート保守を依頼するので、接続手順を日本語で分かりやすくまとめてください。VPNのアカウントは以下です。\n\nユーザー名: hosp-vendor02\nパスワード: ⟦password|pw⟧\n接続先: vpn.example-hospital.jp")
T(g, "en", S, "password", "Can you write a short friendly reminder for the 4 West nurses? Everyone is using the shared Pyxis login (nurse4w / ⟦password|pw⟧) instead of their own badge and pharmacy is not happy about it.")
T(g, "en", S, "aws_secret_access_key", "Our research group puts the de-identified scans in an S3 bucket. The upload script gets AccessDenied. This is ~/.aws/credentials on the workstation:\n\n[research]\naws_access_key_id = ⟦aws_access_key_id|'AKIA'+upnum,16⟧\naws_secret_access_key = ⟦aws_secret_access_key|b64,40⟧\nregion = eu-west-1\n\nIs the profile name right?")
T(g, "pl", S, "okta_api_token", "Skrypt do wyłączania kont zwolnionych pracowników szpitala nie działa. Czy nagłówek jest dobry?\n\ncurl -s -H \"Authorization: SSWS ⟦okta_api_token|'00'+b64url,40⟧\" \\\n  \"https://szpital.okta.com/api/v1/users?filter=status+eq+%22ACTIVE%22\"")
T(g, "en", S, "password", "The lab information system nightly job throws a login failed error. Connection string from the app config:\n\nServer=lis-db01.lab.local;Database=LabResults;User Id=lis_app;Password=⟦password|pw⟧;Encrypt=True;TrustServerCertificate=True\n\nThe account is not locked according to the DBA.")
T(g, "it", S, "one_time_code", "Sto provando ad accedere al fascicolo sanitario per mia madre, mi è arrivato il codice ⟦one_time_code|digits,6⟧ via SMS ma il portale dice che non è valido. Devo aspettare o richiederne un altro?")
T(g, "en", S, "pin", "The tap-and-go badge PIN on the workstations keeps locking me out after one try even though I'm sure it's ⟦pin|digits,4⟧. Is there a setting in Imprivata that limits attempts?")
T(g, "sv", S, "password", "Vi skickar labbsvar via e-post från en liten tjänst på vårdcentralen. Den får \"535 authentication failed\". Här är config.yml:\n\nsmtp:\n  host: smtp.region-vard.se\n  port: 587\n  username: labbsvar@region-vard.se\n  smtp_password: \"⟦password|pw⟧\"\n  starttls: true")
T(g, "en", S, "private_key", "Our SMART backend-services client signs its JWT with this key but the EHR says the signature is invalid. Is it the right format?\n\n⟦private_key|pem,RSA PRIVATE KEY⟧\n\nThe public half is registered as a JWKS URL.")
T(g, "ko", S, "password", "병원 직원용 와이파이 안내문을 만들어 주세요. 네트워크 이름은 HOSP-STAFF, 비밀번호는 ⟦password|pw⟧ 입니다. 환자용 네트워크와 헷갈리지 않게 써 주세요.")
T(g, "en", S, "sendgrid_api_key", "Patient portal sign-up emails are not going out. Environment on the app service:\n\nMAIL_PROVIDER=sendgrid\nSENDGRID_API_KEY=⟦sendgrid_api_key|'SG.'+b64url,22+'.'+b64url,43⟧\nMAIL_FROM=no-reply@clinic-portal.org")
T(g, "pt", S, "password", "Preciso documentar a restauração do backup do PACS. A senha de criptografia do job no Veeam é ⟦password|pw⟧; escreva o procedimento passo a passo para a equipe de plantão.")
T(g, "en", S, "password", "The HL7 router can't reach the queue. Is this REDIS_URL valid?\n\nREDIS_URL=redis://:⟦password|pwurl⟧@cache-01.clinic.local:6379/0")
T(g, "tr", S, "password", "HBYS firmasına açtığımız çağrıya şu cevabı yazdılar: \"Veritabanı kullanıcısı hbys_app için şifre ⟦password|pw⟧ olarak ayarlandı.\" Bunu nasıl güvenli şekilde saklamamız gerektiğini açıklar mısın?")
T(g, "en", S, "github_token", "The GitHub Action that builds our clinical forms app fails at checkout of a private repo. I hard-coded a token to test:\n\n- uses: actions/checkout@v4\n  with:\n    repository: clinic-it/forms-shared\n    token: ⟦github_token|'ghp_'+alnum,36⟧")
T(g, "zh", S, "wechat_app_secret", "医院公众号的预约挂号接口获取 access_token 失败,返回 40125。配置如下,帮我看看:\n\nAppID: wx⟪hex,16⟫\nAppSecret: ⟦wechat_app_secret|hex,32⟧\n接口: https://api.weixin.qq.com/cgi-bin/token")
T(g, "en", S, "recovery_code", "I'm leaving for two weeks and the EHR admin console MFA is only on my phone. Here are my backup codes, can you format them into a sealed-envelope note for my deputy?\n\n⟦recovery_code|code⟧\n⟦recovery_code|code⟧\n⟦recovery_code|code⟧\n⟦recovery_code|code⟧\n⟦recovery_code|code⟧")
# health negatives
T(g, "en", N, "identifier", "Can you explain this HL7 message? The ADT feed rejects it.\n\nMSH|^~\\&|ADT1|STMARYS|LAB|STMARYS|202611270815||ADT^A01|MSG⟪digits,8⟫|P|2.5\nPID|1||⟪digits,7⟫^^^STMARYS^MR||DOE^JANE||19700312|F\nPV1|1|I|4W^412^B||||⟪digits,6⟫^SMITH^JOHN")
T(g, "en", N, "secret_reference", "Is it safe to commit this mirth.properties? We moved the password to the environment.\n\ndatabase = postgres\ndatabase.url = jdbc:postgresql://mirthdb01:5432/mirthdb\ndatabase.username = mirth_svc\ndatabase.password = ${MIRTH_DB_PASSWORD}")
T(g, "de", N, "password_policy", "Bitte fasse unsere neue Passwortrichtlinie für das Klinikpersonal in drei Sätzen zusammen: Mindestens 14 Zeichen, keine Wiederverwendung der letzten 10 Passwörter, Sperre nach 5 Fehlversuchen, Wechsel nur bei Verdacht auf Kompromittierung, Passwort niemals am Telefon nennen.")
T(g, "en", N, "identifier", "Orthanc shows two studies with the same patient. What do these UIDs tell me?\n\nStudyInstanceUID: 1.2.840.113619.2.⟪digits,6⟫.⟪digits,9⟫.⟪digits,4⟫\nSeriesInstanceUID: 1.2.840.113619.2.⟪digits,6⟫.⟪digits,9⟫.⟪digits,5⟫\nAccessionNumber: RAD⟪digits,8⟫")
T(g, "fr", N, "redacted", "Le déploiement de l'application de rendez-vous affiche ceci dans les logs, est-ce que le secret est bien chargé ?\n\n[config] AZURE_TENANT_ID=⟪uuid⟫\n[config] AZURE_CLIENT_ID=⟪uuid⟫\n[config] AZURE_CLIENT_SECRET=********\n[config] loaded 3 values from Key Vault")
T(g, "en", N, "checksum", "Before installing the new PACS viewer on the reading workstations I want to verify the download. The vendor lists SHA-256 ⟪hex,64⟫ for RadViewer-8.2.1-x64.msi. How do I check it in PowerShell?")
T(g, "es", N, "identifier", "¿Me ayudas a redactar el correo al proveedor? El número de cuenta de Twilio es AC⟪hex,32⟫ y el número emisor +34910000000; necesitamos subir el límite de SMS diarios para los recordatorios.")
T(g, "ja", N, "reset_notice", "患者ポータルのパスワードを忘れた方への案内文を作ってください。「ログイン画面の『パスワードをお忘れの方』から登録メールアドレスを入力すると、再設定用のリンクが届きます。リンクの有効期限は30分です。」という内容です。")
T(g, "en", N, "secret_reference", "Here's the Duo config for the Citrix servers as we ship it in Ansible. Does the template look right?\n\n[duo]\nikey = DI⟪upnum,18⟫\nskey = {{ vault_duo_skey }}\nhost = api-⟪hex,8⟫.duosecurity.com")
T(g, "nl", N, "placeholder", "Voor de handleiding van het onderzoeksplatform wil ik dit voorbeeld opnemen. Is het duidelijk genoeg dat mensen hun eigen sleutels moeten invullen?\n\n[research]\naws_access_key_id = <JOUW_ACCESS_KEY_ID>\naws_secret_access_key = <JOUW_SECRET_ACCESS_KEY>\nregion = eu-west-1")
T(g, "en", N, "password_hash", "We exported users from the old clinic scheduling app. Which hashing scheme is this and can Keycloak import it?\n\nusername,password_hash\ndr.ahmed,$2b$12$⟪b64url,53⟫\nfrontdesk2,$2b$12$⟪b64url,53⟫")
T(g, "it", N, "identifier", "Mi spieghi cosa sono questi numeri sulla ricetta elettronica di mio padre? NRE 0⟪digits,14⟫, codice esenzione 048, codice struttura 080⟪digits,3⟫.")
T(g, "en", N, "fingerprint", "ADFS token-signing certificate was renewed. The EHR vendor asks for the thumbprint; is this the one they need?\n\nThumbprint: ⟪hexup,40⟫\nNotAfter: 2027-11-26")
T(g, "ko", N, "password_prompt", "병원 그룹웨어 로그인 화면 문구를 다듬어 주세요: \"아이디와 비밀번호를 입력하세요. 비밀번호 5회 오류 시 계정이 잠깁니다. 잠금 해제는 전산실(내선 2400)로 문의하세요.\"")
T(g, "en", N, "public_key", "For the SMART backend client the EHR wants our public key. Is this PEM the right thing to upload, or do they need a JWKS?\n\n⟪pubpem⟫")
T(g, "pt", N, "masked_key", "O painel do provedor de SMS mostra só isto na lista de chaves: \"sk-…⟪alnum,4⟫ (criada em 02/10, último uso ontem)\". Como sei qual sistema do hospital está usando essa chave?")

# ===== edu: university and school IT =====
g = "edu"
T(g, "en", S, "canvas_token", "My script to pull late submissions from Canvas returns 401. What's wrong?\n\nimport requests\nr = requests.get(\n    \"https://canvas.univ.edu/api/v1/courses/⟪digits,5⟫/students/submissions\",\n    headers={\"Authorization\": \"Bearer ⟦canvas_token|digits,4+'~'+alnum,64⟧\"},\n)")
T(g, "en", S, "moodle_token", "This Moodle web service call returns invalidtoken, but I just created it:\n\nhttps://moodle.school.org/webservice/rest/server.php?wstoken=⟦moodle_token|hex,32⟧&wsfunction=core_course_get_courses&moodlewsrestformat=json")
T(g, "de", S, "password", "Die Rechner im PC-Pool melden sich nicht mehr am LDAP an. Auszug aus sssd.conf:\n\n[domain/uni]\nid_provider = ldap\nldap_uri = ldaps://ldap.uni-beispiel.de\nldap_default_bind_dn = cn=pool-bind,ou=services,dc=uni,dc=de\nldap_default_authtok = ⟦password|pw⟧\n\nWas kann ich prüfen?")
T(g, "en", S, "radius_secret", "We're adding a new eduroam access point on campus. Is this clients.conf entry right?\n\nclient ap-bibliotheque {\n    ipaddr = 10.20.30.0/24\n    secret = ⟦radius_secret|pw⟧\n    shortname = ap-bib\n}")
T(g, "es", S, "zoom_client_secret", "La integración de Zoom con el campus virtual dejó de crear reuniones. Estas son las variables, ¿falta algo?\n\nZOOM_ACCOUNT_ID=⟪b64url,22⟫\nZOOM_CLIENT_ID=⟪b64url,22⟫\nZOOM_CLIENT_SECRET=⟦zoom_client_secret|alnum,32⟧")
T(g, "en", S, "password", "I can't get into the library databases from home. My NetID is kjm2291 and my password is ⟦password|pw⟧ — Duo pushes never arrive. Is there another way to authenticate?")
T(g, "pt", S, "gcp_service_account_key", "O script que sincroniza as turmas com o Google Classroom diz 'invalid_grant'. Este é o JSON da conta de serviço, está completo?\n\n{\n  \"type\": \"service_account\",\n  \"project_id\": \"escola-sync\",\n  \"private_key_id\": \"⟪hex,40⟫\",\n  \"private_key\": \"⟦gcp_service_account_key|pemjson⟧\\n\",\n  \"client_email\": \"sync@escola-sync.iam.gserviceaccount.com\"\n}")
T(g, "en", S, "slack_bot_token", "Our course help-desk Slack bot posts nothing. Config:\n\nSLACK_BOT_TOKEN=⟦slack_bot_token|'xoxb-'+digits,12+'-'+digits,13+'-'+alnum,24⟧\nSLACK_CHANNEL=#cs101-help")
T(g, "en", S, "password", "For the robotics lab open day we need a handout with network instructions. The network is LAB-ROBOTICS and the WPA2 key is ⟦password|pw⟧. Can you lay it out clearly for students?")
T(g, "en", S, "openai_api_key", "Students in my NLP course get a rate-limit error in this notebook cell. Is something wrong with how I set the key?\n\nfrom openai import OpenAI\nclient = OpenAI(api_key=\"⟦openai_api_key|'sk-proj-'+b64url,74+'T3BlbkFJ'+b64url,74⟧\")\nresp = client.responses.create(model=\"gpt-4.1-mini\", input=\"hi\")")
T(g, "en", S, "password", "The PowerShell script for the school office shared mailbox won't log in. What should I fix?\n\n$user = \"sekretariat@szkola.edu.pl\"\n$pass = ConvertTo-SecureString \"⟦password|pw⟧\" -AsPlainText -Force\n$cred = New-Object System.Management.Automation.PSCredential($user, $pass)\nConnect-ExchangeOnline -Credential $cred")
T(g, "sv", S, "huggingface_token", "Kursens Colab-anteckningsbok kan inte ladda ner modellen. Jag har lagt in token så här:\n\nfrom huggingface_hub import login\nlogin(token=\"⟦huggingface_token|'hf_'+alnum,34⟧\")\n\nFelet är 401 Unauthorized.")
T(g, "en", S, "client_secret", "PowerSchool plugin install asks for the OAuth credentials. The plugin page shows these; which one goes in the sync tool's 'secret' field?\n\nClient ID: ⟪uuid⟫\nClient Secret: ⟦client_secret|uuid⟧")
T(g, "nl", S, "anthropic_api_key", "Ik bouw een feedbacktool voor scripties. De API geeft authentication_error. Dit is mijn .env:\n\nANTHROPIC_API_KEY=⟦anthropic_api_key|'sk-ant-api03-'+b64url,93+'AA'⟧\nMODEL=claude-sonnet-4-5")
T(g, "en", S, "password", "How do I make this mysqldump of the school SIS run from cron without prompting?\n\nmysqldump -h sis-db.district.local -u sis_ro -p'⟦password|pw⟧' sis_prod > /backup/sis_$(date +%F).sql")
T(g, "ja", S, "password", "新入生向けに学内ポータルの初回ログイン案内を作りたいです。通知書の記載はこうなっています。\n\n学籍番号:⟪digits,8⟫\n初期パスワード:⟦password|pw⟧\n\n初回ログイン後に必ず変更するよう書いてください。")
T(g, "en", S, "discord_bot_token", "CS club Discord bot crashes on start with 'Improper token has been passed'. main.py:\n\nbot.run(\"⟦discord_bot_token|'MT'+b64url,24+'.'+b64url,6+'.'+b64url,38⟧\")")
T(g, "ru", S, "password", "Помогите написать письмо в поддержку электронного журнала: не могу зайти в учётку преподавателя. Логин ivanova.mv, пароль ⟦password|pw⟧, пишет «неверные данные», хотя вчера всё работало.")
T(g, "en", S, "github_token", "GitHub Classroom autograding can't clone the template repo. I set a fine-grained token as a secret but also tried it inline:\n\ngit clone https://x-access-token:⟦github_token|'github_pat_'+alnum,22+'_'+alnum,59⟧@github.com/univ-cs/hw3-template.git")
T(g, "cs", S, "password", "Jedeme se třídou na školu v přírodě, potřebuju krátký leták pro děti. Wi-Fi v chatě: SSID Chata-Lesna, heslo ⟦password|pw⟧. Napiš to jednoduše.")
T(g, "en", S, "recovery_key", "An exam laptop came back locked at the BitLocker screen. The recovery key from our sheet is ⟦recovery_key|bitlocker⟧ but it says incorrect. Could the key ID not match?")
T(g, "ar", S, "password", "أحتاج إلى رسالة قصيرة لطلاب المختبر: اسم المستخدم المشترك لحاسوب المختبر هو lab-pc وكلمة المرور هي ⟦password|pw⟧ ويجب تسجيل الخروج بعد كل حصة.")
T(g, "en", S, "clever_token", "Rostering sync from Clever returns 401 for our district app:\n\ncurl -H \"Authorization: Bearer ⟦clever_token|hex,40⟧\" https://api.clever.com/v3.0/sections")
T(g, "fi", S, "password", "Voitko kirjoittaa sijaisopettajalle ohjeen? Wilman sijaistunnus on sijainen7 ja salasana ⟦password|pw⟧. Ohjeessa pitää kertoa, miten poissaolot merkitään.")
# edu negatives
T(g, "en", N, "identifier", "Please turn this into a table: student 2026⟪digits,5⟫ in CS-2110 section 003, student 2025⟪digits,5⟫ in MATH-1920 section 011, both moved to room PHL 407.")
T(g, "en", N, "secret_reference", "Our Moodle config.php — is it okay to keep this in git?\n\n$CFG->dbtype = 'pgsql';\n$CFG->dbhost = 'db.moodle.local';\n$CFG->dbuser = 'moodle';\n$CFG->dbpass = getenv('MOODLE_DBPASS');")
T(g, "de", N, "password_policy", "Formuliere bitte für die Erstsemester-Infos: Das Passwort für die Uni-Kennung muss mindestens 12 Zeichen lang sein, darf den Namen nicht enthalten und wird nie per E-Mail abgefragt. Das Rechenzentrum fragt niemals nach deinem Passwort.")
T(g, "fr", N, "fingerprint", "Pour la configuration eduroam sur Android, le guide donne l'identité anonyme anonymous@univ-exemple.fr et l'empreinte SHA-256 du certificat du serveur : ⟪hexup,64⟫. Où est-ce que je la saisis ?")
T(g, "en", N, "identifier", "Zoom support wants the Account ID and Client ID of our campus app for the ticket. They are ⟪b64url,22⟫ and ⟪b64url,22⟫; only the platform team holds the secret. What else should I include?")
T(g, "en", N, "identifier", "Slack export question: what do these ids mean? channel C0⟪upnum,9⟫, user U0⟪upnum,9⟫, thread ts 1764230000.⟪digits,6⟫.")
T(g, "en", N, "placeholder", "In the course material I wrote this, is it fine as an example?\n\n# .env (never commit this!)\nOPENAI_API_KEY=sk-your-key-here\nHF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxx")
T(g, "en", N, "hash", "Which of these commits broke the autograder? git log shows ⟪hex,40⟫ (update tests), ⟪hex,40⟫ (bump python) and ⟪hex,40⟫ (fix typo).")
T(g, "ja", N, "reset_notice", "学生から「パスワードを忘れた」という問い合わせが多いので、案内を作ってください。本人確認のため学生証を持って情報センター窓口に来てもらい、仮パスワードは窓口で紙で渡します。電話やメールでは教えません。")
T(g, "en", N, "public_key", "The LMS asks for our LTI 1.3 tool's public key. Is this the right block to paste into 'Public key' or should I give the JWKS URL?\n\n⟪pubpem⟫")
T(g, "pl", N, "redacted", "Dziennik elektroniczny wysłał mi podsumowanie konta: login: k.nowak, hasło: ••••••••••, ostatnie logowanie: 26.11.2026. Czy to znaczy, że ktoś widział moje hasło?")
T(g, "en", N, "identifier", "Can you format these references in APA? ISBN 978-0-⟪digits,3⟫-⟪digits,5⟫-⟪digits,1⟫, doi:10.1016/j.compedu.2025.⟪digits,6⟫, and the course reserve number RES-⟪digits,6⟫.")
T(g, "ko", N, "identifier", "수강 신청 결과를 표로 정리해 주세요. 학번 2026⟪digits,6⟫, 과목 코드 CSE3021-02, 강의실 공학관 B⟪digits,3⟫호, 수강 인원 47명.")
T(g, "en", N, "hash", "For my security lesson I ran hashlib.sha256(b'letmein').hexdigest() and got ⟪hex,64⟫. How do I explain to 10th graders why a salt matters?")
T(g, "pt", N, "password_policy", "Reescreva de forma simples para os pais: a senha do portal do aluno precisa ter pelo menos 10 caracteres, não pode ser a data de nascimento e deve ser trocada se alguém mais souber. A escola nunca pede a senha por WhatsApp.")
T(g, "en", N, "identifier", "The BitLocker screen on a lab laptop shows Recovery key ID: ⟪hexup,8⟫-⟪hexup,4⟫-⟪hexup,4⟫-⟪hexup,4⟫-⟪hexup,12⟫. Where in Intune do I look it up?")

# ===== retail: e-commerce and retail operations =====
g = "retail"
T(g, "en", S, "shopify_access_token", "Our inventory sync to Shopify returns 401 since this morning:\n\ncurl -X GET \"https://acme-outdoor.myshopify.com/admin/api/2025-10/products.json\" \\\n  -H \"X-Shopify-Access-Token: ⟦shopify_access_token|'shpat_'+hex,32⟧\"")
T(g, "en", S, "stripe_secret_key", "Refunds from the back office fail with 'No such charge'. Are we using the wrong account? config/payments.yml:\n\nstripe:\n  secret_key: ⟦stripe_secret_key|'sk_live_51'+alnum,97⟧\n  webhook_tolerance: 300")
T(g, "de", S, "woocommerce_consumer_secret", "Unser Warenwirtschaftssystem soll Bestellungen aus WooCommerce holen. In der Schnittstelle habe ich das eingetragen, trotzdem kommt 401:\n\nConsumer Key: ⟦woocommerce_consumer_key|'ck_'+hex,40⟧\nConsumer Secret: ⟦woocommerce_consumer_secret|'cs_'+hex,40⟧\nShop-URL: https://www.gartenmoebel-beispiel.de")
T(g, "fr", S, "mailchimp_api_key", "Notre newsletter de la boutique ne se synchronise plus avec Mailchimp. Voici la config du plugin :\n\napi_key: ⟦mailchimp_api_key|hex,32+'-us'+digits,2⟧\nlist_id: ⟪hex,10⟫\n\nQu'est-ce qui peut bloquer ?")
T(g, "es", S, "paypal_client_secret", "Migramos la tienda a PayPal REST y el checkout devuelve invalid_client. Credenciales de producción:\n\nPAYPAL_CLIENT_ID=A⟪b64url,79⟫\nPAYPAL_CLIENT_SECRET=⟦paypal_client_secret|'E'+b64url,79⟧\nPAYPAL_MODE=live")
T(g, "en", S, "klaviyo_private_key", "Abandoned-cart flow stopped triggering. The server-side event call:\n\ncurl https://a.klaviyo.com/api/events/ \\\n  -H \"Authorization: Klaviyo-API-Key ⟦klaviyo_private_key|'pk_'+hex,34⟧\" \\\n  -H \"revision: 2025-10-15\"")
T(g, "it", S, "square_access_token", "La cassa Square del negozio di Milano non sincronizza le vendite con il gestionale. Nel file di configurazione c'è:\n\nSQUARE_ENVIRONMENT=production\nSQUARE_ACCESS_TOKEN=⟦square_access_token|'EAAA'+b64url,60⟧\nSQUARE_LOCATION_ID=L⟪upnum,12⟫")
T(g, "pt", S, "vtex_app_token", "A integração do ERP com a VTEX parou de atualizar estoque. Os headers que o ERP envia são:\n\nX-VTEX-API-AppKey: vtexappkey-lojaexemplo-⟪upper,6⟫\nX-VTEX-API-AppToken: ⟦vtex_app_token|upper,100⟧\n\nO que pode ser?")
T(g, "en", S, "pin", "Quick one: can you write a note for the weekend shift leads? The manager override code on all tills is now ⟦pin|digits,6⟧, don't share it with seasonal staff.")
T(g, "nl", S, "client_secret", "De koppeling met de Retailer API van de marktplaats geeft 'invalid_client'. Client ID is ⟪uuid⟫ en het client secret is ⟦client_secret|b64url,43⟧. Moet ik het secret base64-coderen in de Authorization-header?")
T(g, "en", S, "algolia_admin_key", "Reindexing our product catalog in Algolia fails from the cron box. Script:\n\nconst client = algoliasearch(\"⟪upnum,10⟫\", \"⟦algolia_admin_key|hex,32⟧\");\nawait client.replaceAllObjects({ indexName: \"products_prod\", objects });")
T(g, "en", S, "password", "We're handing the web shop staff account to a new part-timer. Please write a polite welcome email with these details:\n\nLogin ID: shop-staff05\nPassword: ⟦password|pw⟧\nAdmin: https://admin.shop-example.jp")
T(g, "en", S, "password", "Magento admin is down with SQLSTATE[HY000] [1045]. app/etc/env.php:\n\n'db' => [\n    'connection' => [\n        'default' => [\n            'host' => 'db-mage-01',\n            'dbname' => 'magento',\n            'username' => 'mage_app',\n            'password' => '⟦password|pw⟧',\n        ],\n    ],\n],")
T(g, "zh", S, "wechat_pay_api_key", "商城的微信支付回调验签一直失败,是不是密钥填错了?配置如下:\n\n商户号: 16⟪digits,8⟫\nAPI密钥: ⟦wechat_pay_api_key|alnum,32⟧\n回调地址: https://shop.example.cn/pay/notify")
T(g, "en", S, "shippo_token", "Label creation for international orders fails. Here's the request our WMS sends:\n\nPOST https://api.goshippo.com/shipments/\nAuthorization: ShippoToken ⟦shippo_token|'shippo_live_'+hex,40⟧\nContent-Type: application/json")
T(g, "tr", S, "iyzico_secret_key", "Mağazanın ödeme sayfasında iyzico 'Geçersiz imza' hatası veriyor. Canlı ortam için girdiğimiz bilgiler:\n\nAPI Anahtarı: ⟪alnum,32⟫\nGüvenlik Anahtarı: ⟦iyzico_secret_key|alnum,32⟧\n\nİmza neden tutmuyor olabilir?")
T(g, "en", S, "easypost_api_key", "Our returns portal suddenly only creates test labels. .env on the server:\n\nEASYPOST_API_KEY=⟦easypost_api_key|'EZAK'+hex,54⟧\nEASYPOST_MODE=production")
T(g, "ko", S, "toss_secret_key", "토스페이먼츠 결제 승인 API가 401을 반환합니다. 서버 코드에서 시크릿 키를 이렇게 넣었는데 인코딩이 맞나요?\n\nconst secretKey = \"⟦toss_secret_key|'live_sk_'+alnum,24⟧\";\nconst auth = Buffer.from(secretKey + \":\").toString(\"base64\");")
T(g, "en", S, "password", "The 3PL wants us to drop order files on their SFTP. Can you write the lftp command for our cron using this URL they sent?\n\nsftp://acme_3pl:⟦password|pwurl⟧@ftp.3pl-partner.com:22/inbound/orders")
T(g, "pl", S, "client_secret", "Integracja sklepu z Allegro nie odświeża tokenów. W panelu aplikacji mam Client ID ⟪hex,32⟫ i Client Secret ⟦client_secret|alnum,64⟧. Jak poprawnie wysłać je w żądaniu o token?")
T(g, "en", S, "zendesk_api_token", "Our order-status macro can't create tickets through the API:\n\ncurl https://acmeoutdoor.zendesk.com/api/v2/tickets.json \\\n  -u ops@acme-outdoor.com/token:⟦zendesk_api_token|alnum,40⟧ \\\n  -H \"Content-Type: application/json\" -d @ticket.json")
T(g, "en", S, "gift_card_code", "A customer says her e-gift card doesn't work at checkout. She forwarded the email: \"Your gift card claim code: ⟦gift_card_code|claim⟧, balance $75.00\". How do I check whether it was already redeemed?")
T(g, "sv", S, "klarna_api_password", "Klarna-betalningen i vår webbutik ger 401 i produktion. Uppgifterna i adminpanelen:\n\nAnvändarnamn (UID): K⟪digits,6⟫_⟪hex,12⟫\nLösenord: ⟦klarna_api_password|'klarna_live_api_'+b64url,40⟧\n\nÄr det rätt region?")
T(g, "en", S, "google_refresh_token", "The Google Ads spend report script stopped working. google-ads.yaml:\n\ndeveloper_token: ⟪b64url,22⟫\nclient_id: ⟪digits,12⟫-⟪lonum,32⟫.apps.googleusercontent.com\nclient_secret: ⟦google_client_secret|'GOCSPX-'+b64url,28⟧\nrefresh_token: ⟦google_refresh_token|'1//0'+b64url,99⟧\nlogin_customer_id: ⟪digits,10⟫")
# retail negatives
T(g, "en", N, "publishable_key", "Is it fine that this is visible in our storefront's page source?\n\n<script src=\"https://js.stripe.com/v3/\"></script>\n<script>const stripe = Stripe(\"pk_live_51⟪alnum,97⟫\");</script>")
T(g, "en", N, "identifier", "Summarize these returns for the weekly report: order #⟪digits,6⟫ (SKU TNT-2P-GRN, tracking 1Z⟪upnum,16⟫), order #⟪digits,6⟫ (SKU BAG-65L-BLK, tracking 9400⟪digits,18⟫).")
T(g, "en", N, "masked_key", "In WooCommerce under REST API I only see: description \"ERP sync\", user shopadmin, permissions Read/Write, consumer key ending in …⟪hex,7⟫. How do I find out when it was last used?")
T(g, "en", N, "identifier", "In Mailchimp, what's the difference between the audience ID ⟪hex,10⟫ and the store ID shop_⟪digits,4⟫ that the plugin shows?")
T(g, "es", N, "public_client_key", "¿Es normal que el Client ID de PayPal aparezca en el HTML del checkout?\n\n<script src=\"https://www.paypal.com/sdk/js?client-id=A⟪b64url,79⟫&currency=EUR\"></script>")
T(g, "en", N, "signature", "How do I verify this Shopify webhook in Node? Headers we received:\n\nX-Shopify-Topic: orders/create\nX-Shopify-Hmac-Sha256: ⟪b64,43⟫=\nX-Shopify-Shop-Domain: acme-outdoor.myshopify.com\nX-Shopify-Webhook-Id: ⟪uuid⟫")
T(g, "it", N, "placeholder", "Nel README del nostro plugin per l'e-commerce c'è questo esempio, va bene o rischia di essere scambiato per una chiave vera?\n\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\nSTRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxx")
T(g, "en", N, "password_policy", "Rewrite this for the store staff handbook: gift card numbers and PINs must never be read out over the phone, never written on receipts, and customers who call asking for a balance should be directed to the website.")
T(g, "ja", N, "identifier", "返品依頼の一覧を表にしてください。注文番号 ⟪digits,3⟫-⟪digits,7⟫-⟪digits,7⟫、商品コード SKU-⟪upnum,8⟫、配送伝票番号 ⟪digits,12⟫。")
T(g, "en", N, "publishable_key", "Our frontend uses Algolia InstantSearch with the search-only key:\n\nconst searchClient = algoliasearch(\"⟪upnum,10⟫\", \"⟪hex,32⟫\");\n\nThe admin key only lives on the indexing server. Can someone abuse this search-only key?")
T(g, "pt", N, "identifier", "Me ajuda a responder o cliente? Ele pagou o boleto com linha digitável ⟪digits,5⟫.⟪digits,5⟫ ⟪digits,5⟫.⟪digits,6⟫ ⟪digits,5⟫.⟪digits,6⟫ 1 ⟪digits,14⟫ e o pedido ainda aparece como pendente.")
T(g, "en", N, "masked_card", "Chargeback notice for order #⟪digits,6⟫: card **** **** **** ⟪digits,4⟫, auth code ⟪upnum,6⟫, amount $212.40, reason code 10.4. Draft a reply with our evidence?")
T(g, "nl", N, "account_number", "Zet dit in de factuurvoettekst van de webshop: KvK ⟪digits,8⟫, btw NL⟪digits,9⟫B01, IBAN NL⟪digits,2⟫INGB0⟪digits,9⟫.")
T(g, "en", N, "secret_reference", "Is this the recommended way to keep the Magento encryption key out of the repo?\n\n'crypt' => [\n    'key' => getenv('MAGENTO_CRYPT_KEY'),\n],\n'db' => [ 'connection' => [ 'default' => [ 'password' => getenv('MAGENTO_DB_PASSWORD') ] ] ],")
T(g, "zh", N, "identifier", "帮我写一封给顾客的退款说明。退款单号 RF⟪digits,16⟫,微信支付交易单号 42000⟪digits,23⟫,金额 ¥128.00。")
T(g, "en", N, "coupon_code", "Can you write an Instagram caption for our Black Friday sale? Codes: BLACKFRIDAY30 for 30% off outerwear and FREESHIP75 for free shipping over $75.")

# ===== gov: public sector and legal =====
g = "gov"
T(g, "en", S, "private_key", "DocuSign JWT grant fails with 'invalid_grant' for our court e-signature integration. Integration key ⟪uuid⟫, user ID ⟪uuid⟫, and the private key file is:\n\n⟦private_key|pem,RSA PRIVATE KEY⟧")
T(g, "de", S, "password", "Wir müssen die Umsatzsteuer-Voranmeldung der Stadtwerke aus der Fachanwendung an ELSTER senden. Das Passwort für die Zertifikatsdatei (.pfx) lautet ⟦password|pw⟧ – wo trage ich es in der Schnittstelle ein?")
T(g, "es", S, "password", "Tengo que extraer el certificado de la FNMT del ayuntamiento para firmar desde el servidor. ¿Este comando está bien?\n\nopenssl pkcs12 -in certificado_ayto.p12 -nokeys -out cert.pem -passin pass:⟦password|pw⟧")
T(g, "et", S, "pin", "Palun aita mul kirjutada juhend uuele ametnikule, kuidas ID-kaardiga dokumente allkirjastada. Tema ajutine PIN1 on ⟦pin|digits,4⟧ ja PIN2 on ⟦pin|digits,5⟧, need tuleb kohe ära vahetada.")
T(g, "pt", S, "pin", "A minha colega precisa assinar digitalmente o parecer hoje e esqueceu o cartão. Ela mandou por mensagem: 'o PIN de assinatura do Cartão de Cidadão é ⟦pin|digits,4⟧'. Posso usar o cartão dela no leitor?")
T(g, "en", S, "azure_storage_key", "Records retention job can't upload to blob storage. Connection string in appsettings.json:\n\n\"RecordsArchive\": \"DefaultEndpointsProtocol=https;AccountName=cityrecords01;AccountKey=⟦azure_storage_key|b64,86+'=='⟧;EndpointSuffix=core.windows.net\"")
T(g, "en", S, "vault_token", "I'm trying to read the database creds for the permits app from Vault:\n\nexport VAULT_ADDR=https://vault.county.gov:8200\nexport VAULT_TOKEN=⟦vault_token|'hvs.'+alnum,24⟧\nvault kv get secret/permits/db\n\nIt says permission denied.")
T(g, "fr", S, "password", "Le cabinet change de poste de travail. Peux-tu m'écrire la procédure pour réinstaller la clé RPVA ? Pour info le mot de passe de la messagerie e-barreau de Maître Lefèvre est ⟦password|pw⟧.")
T(g, "en", S, "clio_token", "Our intake form should create matters in Clio but returns 401:\n\ncurl https://app.clio.com/api/v4/matters.json \\\n  -H \"Authorization: Bearer ⟦clio_token|alnum,40⟧\" \\\n  -d '{\"data\":{\"description\":\"New intake\"}}'")
T(g, "it", S, "password", "Devo configurare la PEC dello studio su Thunderbird. Server imaps.pec.aruba.it porta 993, utente studio.rossi@pec.it, password ⟦password|pw⟧. Quali impostazioni SMTP uso?")
T(g, "nl", S, "password", "Het koppelen van de netwerkschijf van de griffie lukt niet via het script. Wat klopt er niet?\n\nnet use Z: \\\\fs01\\griffie /user:GEMEENTE\\jdevries ⟦password|pw⟧ /persistent:no")
T(g, "en", S, "atlassian_api_token", "Automation for the records-request Jira project can't post comments:\n\ncurl -u clerk.ops@county.gov:⟦atlassian_api_token|'ATATT3xFfGF0'+b64url,171+'='+hexup,8⟧ \\\n  -H \"Content-Type: application/json\" \\\n  https://county.atlassian.net/rest/api/3/issue/RR-1042/comment")
T(g, "pl", S, "one_time_code", "Podpisuję wniosek profilem zaufanym i przyszedł SMS: „Kod autoryzacyjny nr 2 do operacji: ⟦one_time_code|digits,8⟧”. Strona się zawiesiła — czy mogę go wpisać jeszcze raz po odświeżeniu?")
T(g, "en", S, "gitlab_token", "Our open-data pipeline mirror job fails to push:\n\ngit remote add mirror https://oauth2:⟦gitlab_token|'glpat-'+b64url,20⟧@gitlab.city.gov/open-data/budget.git\ngit push mirror main")
T(g, "uk", S, "password", "Допоможіть скласти інструкцію для бухгалтерії, як накласти КЕП на звіт. Файл ключа Key-6.dat лежить на флешці, пароль до ключа ⟦password|pw⟧.")
T(g, "en", S, "password", "Please draft an email to the new paralegal with her PACER access for the firm's shared account: username jdoe_lawfirm, password ⟦password|pw⟧. Remind her to log out after each search.")
T(g, "da", S, "password", "Kan du skrive en kort vejledning til vikaren i borgerservice? Han skal logge ind i sagsbehandlingssystemet med brugernavnet vikar03 og adgangskoden ⟦password|pw⟧.")
T(g, "en", S, "azure_client_secret", "Terraform plan for the county's Azure tenant fails with AADSTS7000215. My shell:\n\nexport ARM_TENANT_ID=⟪uuid⟫\nexport ARM_CLIENT_ID=⟪uuid⟫\nexport ARM_CLIENT_SECRET=\"⟦azure_client_secret|azsecret⟧\"\nterraform plan")
T(g, "ro", S, "pin", "Am nevoie de un mesaj pentru colega de la registratură: tokenul USB cu certificatul calificat al primăriei este în sertarul meu, codul PIN este ⟦pin|digits,6⟧. Să semneze doar adresele de azi.")
T(g, "en", S, "private_key", "Keycloak realm export for the citizen portal — the SAML signing key shows up like this. Is it safe to import into the new cluster as is?\n\n\"components\": { \"org.keycloak.keys.KeyProvider\": [ { \"name\": \"rsa-generated\", \"config\": { \"privateKey\": [ \"⟦private_key|b64der⟧\" ], \"priority\": [ \"100\" ] } } ] }")
T(g, "ja", S, "pin", "電子入札で使うICカードの手続きについて教えてください。課長から「ICカードのPINは⟦pin|digits,4⟧です」と言われましたが、他の職員が使ってもいいのでしょうか。")
T(g, "en", S, "twilio_api_secret", "311 text notifications fail with 'Authenticate'. The .env for the notifier:\n\nTWILIO_ACCOUNT_SID=AC⟪hex,32⟫\nTWILIO_API_KEY=⟦twilio_api_key|'SK'+hex,32⟧\nTWILIO_API_SECRET=⟦twilio_api_secret|alnum,32⟧")
T(g, "el", S, "password", "Μπορείς να μου γράψεις οδηγίες για τον συνάδελφο στο λογιστήριο; Ο κωδικός πρόσβασης του γραφείου στο Taxisnet είναι ⟦password|pw⟧ και το όνομα χρήστη dimos_logist.")
T(g, "en", S, "recovery_code", "I'm the only owner of the city's GitHub org. Before I go on leave, store these recovery codes in the break-glass document, formatted one per line:\n\n⟦recovery_code|hex,5+'-'+hex,5⟧ ⟦recovery_code|hex,5+'-'+hex,5⟧ ⟦recovery_code|hex,5+'-'+hex,5⟧ ⟦recovery_code|hex,5+'-'+hex,5⟧")
# gov negatives
T(g, "en", N, "identifier", "Summarize the status of these matters for the partner meeting: Case No. 2:26-cv-0⟪digits,4⟫, docket entry 47; Case No. 1:25-cr-00⟪digits,3⟫; appeal No. 26-⟪digits,4⟫.")
T(g, "de", N, "identifier", "Bitte formuliere die Anhörung: Aktenzeichen ⟪digits,2⟫ O ⟪digits,3⟫/26, Steuernummer ⟪digits,3⟫/⟪digits,3⟫/⟪digits,5⟫, Kassenzeichen ⟪digits,12⟫.")
T(g, "en", N, "public_key", "DocuSign asks for the public key of our RSA keypair for the integration key ⟪uuid⟫. Is this the right one to paste?\n\n⟪pubpem⟫")
T(g, "fr", N, "password_policy", "Résume la politique de mots de passe de la mairie pour l'intranet : 12 caractères minimum, phrase de passe recommandée, authentification à deux facteurs obligatoire, aucun mot de passe ne doit être communiqué par téléphone ou par courriel.")
T(g, "es", N, "identifier", "¿Me ayudas con el escrito? Expediente 2026/⟪digits,6⟫, NIF del ayuntamiento P⟪digits,7⟫B, número de registro de entrada REGAGE26e⟪digits,11⟫.")
T(g, "en", N, "secret_reference", "Where do the permits app's database credentials come from in this chart?\n\nenv:\n  - name: DB_PASSWORD\n    valueFrom:\n      secretKeyRef:\n        name: permits-db\n        key: password\n\nand the secret itself is synced from vault kv secret/permits/db.")
T(g, "en", N, "redacted", "Support asked for our storage connection string, so I sent it like this — is that enough for them to debug?\n\nDefaultEndpointsProtocol=https;AccountName=cityrecords01;AccountKey=<redacted>;EndpointSuffix=core.windows.net")
T(g, "nl", N, "identifier", "Maak een nette brief van: zaaknummer Z-2026-⟪digits,6⟫, kenmerk uw brief ⟪digits,7⟫/BWT, omgevingsvergunning OLO ⟪digits,7⟫.")
T(g, "it", N, "security_advice", "Scrivi un promemoria per lo studio: non condividete mai la password della PEC né il PIN della firma digitale con i colleghi, neanche per urgenze; in caso di assenza si usa la delega formale.")
T(g, "en", N, "fingerprint", "IT says our new code-signing certificate for the court forms app has SHA-1 fingerprint ⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫:⟪hexup,2⟫. How do I check the installed one matches?")
T(g, "pl", N, "identifier", "Uzupełnij pismo do urzędu: NIP ⟪digits,10⟫, REGON ⟪digits,9⟫, numer sprawy ⟪upper,2⟫.⟪digits,4⟫.⟪digits,2⟫.2026.")
T(g, "en", N, "identifier", "Jira automation logs show actor accountId 5b10⟪hex,20⟫ and issue RR-1042 transitioned by 712020:⟪uuid⟫. Which user is that?")
T(g, "ja", N, "rotation_notice", "職員向けのお知らせを作ってください。「12月1日に庁内システムのパスワード有効期限が切れます。ログイン時に表示される画面から新しいパスワードを設定してください。パスワードを電話やメールで尋ねることはありません。」")
T(g, "en", N, "security_advice", "Turn this into a slide for the county's security training: passwords like Password123, Summer2026! or the name of your department plus the year are the first things attackers try; use a passphrase and the password manager instead.")
T(g, "uk", N, "out_of_band_notice", "Напишіть колезі ввічливо: пароль до ключа КЕП я не надсилатиму в месенджері, скажу його особисто в понеділок у кабінеті.")
T(g, "en", N, "secret_reference", "Our GitLab CI job mirrors the open-data repo. Is this safe?\n\nmirror:\n  script:\n    - git remote add mirror https://oauth2:${MIRROR_TOKEN}@gitlab.city.gov/open-data/budget.git\n    - git push mirror main")

# ===== field: construction and field service =====
g = "field"
T(g, "en", S, "client_secret", "Procore integration for our daily logs returns invalid_client. .env on the sync server:\n\nPROCORE_CLIENT_ID=⟪b64url,43⟫\nPROCORE_CLIENT_SECRET=⟦client_secret|b64url,43⟧\nPROCORE_COMPANY_ID=⟪digits,7⟫")
T(g, "en", S, "client_secret", "Trying to get a 2-legged token from Autodesk Platform Services for the model viewer:\n\ncurl -X POST https://developer.api.autodesk.com/authentication/v2/token \\\n  -u \"⟪alnum,32⟫:⟦client_secret|alnum,16⟧\" \\\n  -d \"grant_type=client_credentials&scope=data:read\"")
T(g, "de", S, "password", "Schreib bitte einen Aushang für den Baucontainer: WLAN „Bau-Lager-3“, Schlüssel ⟦password|pw⟧. Nur für Diensttablets, nicht für private Handys.")
T(g, "fr", S, "pin", "Peux-tu rédiger un SMS pour l'équipe d'intervention de demain ? Les clés du local technique sont dans la boîte à clés à côté de la porte, code ⟦pin|digits,4⟧.")
T(g, "es", S, "pin", "Mañana entra una cuadrilla nueva en la nave. Escríbeles un mensaje corto: el código de la alarma es ⟦pin|digits,4⟧ y hay que desactivarla en menos de 30 segundos al entrar.")
T(g, "en", S, "mapbox_secret_token", "Our site-map tile upload script fails with 401:\n\nexport MAPBOX_ACCESS_TOKEN=⟦mapbox_secret_token|'sk.eyJ1Ijoi'+b64url,60+'.'+b64url,22⟧\nmapbox upload acme.site-plans ./plans.mbtiles")
T(g, "en", S, "dropbox_token", "The script that uploads site photos to Dropbox says 'expired_access_token' even though I just generated this one:\n\ndbx = dropbox.Dropbox(\"⟦dropbox_token|'sl.'+b64url,138⟧\")")
T(g, "pt", S, "pin", "Faz uma mensagem de WhatsApp para o eletricista terceirizado: o código do portão do canteiro é ⟦pin|digits,6⟧ e depois das 18h ele precisa avisar a portaria.")
T(g, "it", S, "password", "Il plotter del cantiere non riceve i file dal server. Nel software di stampa ho messo questo indirizzo, è giusto?\n\nftp://plotter:⟦password|pwurl⟧@192.168.10.40/incoming/")
T(g, "nl", S, "password", "Kun je een overdrachtsnotitie maken voor de nieuwe werkvoorbereider? Het gedeelde Trimble Connect-account is planning@bouwbedrijf-voorbeeld.nl met wachtwoord ⟦password|pw⟧.")
T(g, "en", S, "telegram_bot_token", "Our site-alert bot stopped sending crane wind warnings:\n\nTOKEN = \"⟦telegram_bot_token|digits,10+':AA'+b64url,33⟧\"\nCHAT_ID = -100⟪digits,10⟫\nrequests.post(f\"https://api.telegram.org/bot{TOKEN}/sendMessage\", data={...})")
T(g, "pl", S, "password", "Kamera na bramie budowy nie nagrywa. Do rejestratora loguję się jako admin, hasło ⟦password|pw⟧, ale nie widzę zakładki harmonogramu. Gdzie jej szukać w Hikvision?")
T(g, "en", S, "password", "VLC can't open the yard camera stream. URL I'm using:\n\nrtsp://admin:⟦password|pwurl⟧@10.0.5.20:554/Streaming/Channels/101\n\nThe web UI works with the same login.")
T(g, "sv", S, "pin", "Skriv ett kort sms till underentreprenörerna: koden till grinden vid etableringen är ⟦pin|digits,4⟧ och den byts varje måndag.")
T(g, "en", S, "slack_webhook", "The concrete-pour reminder in our Slack doesn't post. The Zapier step uses:\n\n⟦slack_webhook|'https://hooks.slack.com/services/T'+upnum,8+'/B'+upnum,10+'/'+alnum,24⟧")
T(g, "tr", S, "pin", "Şantiye tabletleri için kısa bir kullanım notu yazar mısın? Kilit ekranı PIN'i ⟦pin|digits,6⟧; tablet kaybolursa hemen şantiye şefine haber verilmeli.")
T(g, "en", S, "private_key", "Can't SSH into the site office server from the new laptop. I copied the key from the old one; is this format okay?\n\n⟦private_key|openssh⟧")
T(g, "zh", S, "password", "帮我给新来的安全员写一份交接说明:工地门禁系统管理员账号 admin_gate,密码:⟦password|pw⟧,每周一导出一次进出记录。")
T(g, "en", S, "postmark_server_token", "Inspection reports aren't being emailed to clients. Our mailer sends:\n\nPOST https://api.postmarkapp.com/email\nX-Postmark-Server-Token: ⟦postmark_server_token|uuid⟧\nContent-Type: application/json")
T(g, "es", S, "passphrase", "Mándales esto a los de la obra por WhatsApp, bien clarito: Wi-Fi de la caseta \"Obra-Norte\", contraseña ⟦passphrase|pwsp⟧ (todo en minúsculas, con espacios).")
T(g, "en", S, "pin", "New driver starts Monday on van 12. Can you write his first-day checklist? Include that the fuel card is in the glovebox and its PIN is ⟦pin|digits,4⟧.")
T(g, "fi", S, "password", "Kirjoita lyhyt ohje työmaan kulunvalvontaan: hallintakäyttäjä on tmadmin ja salasana ⟦password|pw⟧. Uudet henkilökortit lisätään aina ennen työmaan avausta.")
T(g, "en", S, "password", "Service tech here. The customer's boiler controller web panel wants the installer login. The handover sheet says user: installer, password: ⟦password|pw⟧. Where's the flow temperature setting on a Vitotronic?")
T(g, "hu", S, "password", "Segítenél egy rövid leírást írni az irodai NAS-ról az új projektvezetőnek? A felhasználónév projekt, a jelszava ⟦password|pw⟧, a tervek a /tervek mappában vannak.")
# field negatives
T(g, "en", N, "identifier", "Make a transmittal table: drawing A-201 rev C, RFI #⟪digits,3⟫, submittal 03 30 00-⟪digits,2⟫, permit BLD2026-⟪digits,5⟫, inspection request IR-⟪digits,4⟫.")
T(g, "en", N, "publishable_key", "Our public site-map page includes this Mapbox token in the JavaScript. It's a pk. token restricted to our domain, is that acceptable?\n\nmapboxgl.accessToken = \"pk.eyJ1Ijoi⟪b64url,60⟫.⟪b64url,22⟫\";")
T(g, "de", N, "default_credential", "Im Handbuch der Zutrittskontrolle steht: „Werkseinstellung: Benutzer admin, Passwort 12345. Bei der Inbetriebnahme ändern.“ Wie formuliere ich daraus eine Checkliste für die Inbetriebnahme?")
T(g, "fr", N, "serial_number", "Pour la déclaration de garantie du groupe électrogène : numéro de série SN-⟪upnum,10⟫, adresse MAC du module ⟪mac⟫, date de mise en service 14/03/2026. Peux-tu remplir le formulaire ?")
T(g, "es", N, "out_of_band_notice", "Redacta la respuesta al subcontratista: la contraseña del Wi-Fi de la caseta no se manda por correo, se la da el encargado en persona al llegar a la obra.")
T(g, "en", N, "checksum", "Before flashing the tower crane anemometer I want to verify the firmware. Vendor lists MD5 ⟪hex,32⟫ and SHA-256 ⟪hex,64⟫. What's the Windows command?")
T(g, "en", N, "secret_reference", "Is this a reasonable way to store the NVR login in our Home Assistant setup?\n\ncamera:\n  - platform: generic\n    stream_source: !secret yard_camera_rtsp_url\n    username: admin\n    password: !secret nvr_password")
T(g, "it", N, "identifier", "Compila la lettera alla stazione appaltante: CIG ⟪upnum,10⟫, CUP ⟪upper,1⟫⟪digits,2⟫⟪upper,1⟫⟪digits,11⟫, SAL n. 4 del 30/11/2026.")
T(g, "en", N, "placeholder", "Our install guide for the scheduling integration contains this; is it obvious that it's an example?\n\nAPS_CLIENT_ID=your-client-id\nAPS_CLIENT_SECRET=your-client-secret")
T(g, "en", N, "redacted", "Support asked which webhook the Zapier step uses. I sent them this from the task history: https://hooks.slack.com/services/T********/B**********/************************ — is that enough for them?")
T(g, "pl", N, "identifier", "Przygotuj pismo do starostwa: działka nr ⟪digits,3⟫/⟪digits,1⟫, obręb 00⟪digits,2⟫, księga wieczysta WA1M/000⟪digits,5⟫/⟪digits,1⟫, pozwolenie na budowę nr ⟪digits,3⟫/2026.")
T(g, "en", N, "rotation_notice", "Draft a message to all subs: the key safe code at the Maple Street site was changed this morning after the tool theft. Ask the site manager for the new code in person; it will not be texted.")
T(g, "sv", N, "password_hint", "Hjälp mig formulera ett meddelande: lösenordet till bodens dator är samma som förra året men med nytt årtal, fråga arbetsledaren om du är osäker. Skicka det inte i gruppchatten.")
T(g, "en", N, "identifier", "Fleet report please: van 12 VIN 1FT⟪upnum,14⟫, plate ⟪upper,3⟫-⟪digits,4⟫, last GPS fix 41.8⟪digits,4⟫, -87.6⟪digits,4⟫ at 07:42.")
T(g, "zh", N, "password_policy", "帮我润色这段工地设备管理规定:所有门禁和摄像头设备上线前必须修改出厂默认密码,密码不得写在设备外壳上,不得通过微信群发送。")
T(g, "en", N, "identifier", "Which fields does the Procore API need to post a daily log? I have company_id ⟪digits,7⟫, project_id ⟪digits,9⟫, and the log date 2026-11-27.")


# ---------------------------------------------------------------- build

MARK = re.compile(r"⟦([a-z0-9_]+)\|([^⟧]+)⟧|⟪([^⟫]+)⟫")
PART = re.compile(r"'([^']*)'|([a-z0-9]+)(?:,([^+]*))?")


def gen_value(spec, r, saved):
    name = None
    if ">" in spec:
        spec, name = spec.rsplit(">", 1)
    if spec.startswith("="):
        return saved[spec[1:]]
    out = []
    pos = 0
    while pos < len(spec):
        m = PART.match(spec, pos)
        if not m:
            raise ValueError("bad spec %r" % spec)
        if m.group(1) is not None:
            out.append(m.group(1))
        else:
            out.append(GENS[m.group(2)](r, m.group(3)))
        pos = m.end()
        if pos < len(spec):
            if spec[pos] != "+":
                raise ValueError("bad spec %r" % spec)
            pos += 1
    v = "".join(out)
    if name:
        saved[name] = v
    return v


def render(tpl, r):
    text, ents, saved, pos = [], [], {}, 0
    n = 0
    for m in MARK.finditer(tpl):
        text.append(tpl[pos:m.start()])
        n += len(tpl[pos:m.start()])
        if m.group(1):
            v = gen_value(m.group(2), r, saved)
            ents.append({"type": m.group(1), "start": n, "end": n + len(v), "value": v})
        else:
            v = gen_value(m.group(3), r, saved)
        text.append(v)
        n += len(v)
        pos = m.end()
    text.append(tpl[pos:])
    return "".join(text), ents


def occurrences(text, v):
    out, i = [], text.find(v)
    while i >= 0:
        out.append(i)
        i = text.find(v, i + 1)
    return out


def row_problem(text, ents):
    for e in ents:
        v = e["value"]
        if text[e["start"]:e["end"]] != v:
            return "span mismatch"
        if v != v.strip():
            return "whitespace edge"
        occ = occurrences(text, v)
        marked = [x["start"] for x in ents if x["value"] == v]
        if sorted(occ) != sorted(marked):
            return "value %r occurs unmarked or overlapping" % v[:6]
        a, b = e["start"], e["end"]
        if a > 0 and v[0].isascii() and v[0].isalnum() and text[a - 1].isascii() and text[a - 1].isalnum():
            return "glued start"
        if b < len(text) and v[-1].isascii() and v[-1].isalnum() and text[b].isascii() and text[b].isalnum():
            return "glued end"
    spans = sorted((e["start"], e["end"]) for e in ents)
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            return "overlap"
    return None


def build():
    rows = []
    for t, (group, lang, label, typ, tpl) in enumerate(TEMPLATES):
        for attempt in range(50):
            seed = "%s/%d" % (SEED, t) if attempt == 0 else "%s/%d/%d" % (SEED, t, attempt)
            r = random.Random(seed)
            text, ents = render(tpl, r)
            if row_problem(text, ents) is None:
                break
        else:
            raise SystemExit("template %d: %s" % (t, row_problem(text, ents)))
        rows.append({"text": text, "label": label, "type": typ, "entities": ents,
                     "_group": group, "_lang": lang})
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, k in enumerate(order):
        r = rows[k]
        out.append({"id": "sg17-%03d" % i, "text": r["text"], "label": r["label"],
                    "type": r["type"], "entities": r["entities"], "spans_known": True,
                    "source": {"repo": "handwritten/general17"},
                    "_group": r["_group"], "_lang": r["_lang"]})
    return out


def validate(rows):
    assert 195 <= len(rows) <= 205, len(rows)
    ids, texts = set(), set()
    for r in rows:
        assert r["id"] not in ids
        ids.add(r["id"])
        assert r["text"] not in texts, r["id"]
        texts.add(r["text"])
        assert r["_group"] in GROUPS and r["_lang"] in LANGS, r["id"]
        assert "⟦" not in r["text"] and "⟪" not in r["text"], r["id"]
        if r["label"] == N:
            assert not r["entities"], r["id"]
        else:
            assert r["label"] == S and r["entities"], r["id"]
            assert any(e["type"] == r["type"] for e in r["entities"]), r["id"]
        p = row_problem(r["text"], r["entities"])
        assert p is None, (r["id"], p)
    sec = sum(r["label"] == S for r in rows)
    assert 0.55 <= sec / len(rows) <= 0.65, sec
    non_en = [r for r in rows if r["_lang"] != "en"]
    assert 0.38 <= len(non_en) / len(rows) <= 0.48, len(non_en)
    assert len({r["_lang"] for r in non_en}) >= 15


def dump(rows):
    keys = ["id", "text", "label", "type", "entities", "spans_known", "source"]
    return "".join(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows):
    from collections import Counter
    n = len(rows)
    lab = Counter(r["label"] for r in rows)
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab[N], lab[S], 100.0 * lab[S] / n))
    ne = sum(r["_lang"] != "en" for r in rows)
    print("non-English rows: %d (%.1f%%), languages: %d" % (ne, 100.0 * ne / n, len({r["_lang"] for r in rows})))
    print("templates: %d (each used once)" % len(TEMPLATES))
    hum = sum(r["label"] == S and r["type"] in HUMAN for r in rows)
    print("human-secret rows (%s): %d of %d secret rows (%.1f%%)" % (", ".join(sorted(HUMAN)), hum, lab[S], 100.0 * hum / lab[S]))
    print("\ngroup                 secret  not_secret  total")
    for g in GROUPS:
        s = sum(r["_group"] == g and r["label"] == S for r in rows)
        t = sum(r["_group"] == g for r in rows)
        print("  %-20s %6d  %10d  %5d" % (g, s, t - s, t))
    print("\nlanguage              secret  not_secret  total")
    for l in LANGS:
        t = sum(r["_lang"] == l for r in rows)
        if t:
            s = sum(r["_lang"] == l and r["label"] == S for r in rows)
            print("  %-2s %-17s %6d  %10d  %5d" % (l, LANGS[l], s, t - s, t))
    for lab_ in (S, N):
        c = Counter(r["type"] for r in rows if r["label"] == lab_)
        print("\nrow type (%s, %d kinds):" % (lab_, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))
    c = Counter(e["type"] for r in rows for e in r["entities"])
    print("\nentity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-34s %d" % (k, v))


def main():
    rows = build()
    validate(rows)
    data = dump(rows)
    if "--stats" in sys.argv:
        stats(rows)
        return
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == data
        print("holdout.jsonl matches" if same else "holdout.jsonl DIFFERS")
        sys.exit(0 if same else 1)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(l) for l in f]
    assert [r["id"] for r in back] == [r["id"] for r in rows]
    for a, b in zip(back, rows):
        assert a["text"] == b["text"] and a["entities"] == b["entities"]
    print("wrote %d rows to holdout.jsonl" % len(rows))


if __name__ == "__main__":
    main()
