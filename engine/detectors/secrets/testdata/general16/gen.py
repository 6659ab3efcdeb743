#!/usr/bin/env python3
"""Generate the general16 blind hold-out set for the secrets detector.

Python 3, standard library only. Every row comes from one hand-written
template below; each template is used exactly once.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild and compare byte for byte
    python3 gen.py --stats   print counts
"""
import argparse
import base64
import json
import os
import random
import re
import string
import sys

SEED = "parapet/general16/holdout/v1"
PREFIX = "sg16"
REPO = "handwritten/general16"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

GROUPS = {
    "data": "data & analytics engineering",
    "gamedev": "mobile and game development",
    "telecom": "telecom, OT and industrial",
    "office": "office workers in chat",
    "finance": "finance back office",
}
LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "sv": "Swedish", "tr": "Turkish", "ja": "Japanese", "zh": "Chinese",
    "ko": "Korean", "sw": "Swahili", "id": "Indonesian", "vi": "Vietnamese",
    "hi": "Hindi",
}
# Row types counted as human-chosen or human-read secrets.
HUMAN = {"password", "passphrase", "pin", "puk", "one_time_code",
         "security_answer"}
NEG_TYPES = {
    "account_number", "certificate", "checksum", "default_credential",
    "encrypted_blob", "fingerprint", "hash", "identifier", "masked_card",
    "masked_key", "no_credential", "out_of_band_notice", "password_hash",
    "password_hint", "password_policy", "password_prompt", "placeholder",
    "public_client_key", "public_key", "publishable_key", "redacted",
    "reset_notice", "rotation_notice", "secret_reference", "security_advice",
    "serial_number", "signature", "username", "version_string", "wifi_ssid",
}
# Published documentation examples that must never be marked.
DOC_EXAMPLES = {
    "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc", "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a", "hunter2", "correct horse battery staple",
}

# --------------------------------------------------------------------------
# random helpers

UP = string.ascii_uppercase
LO = string.ascii_lowercase
DI = string.digits
AN = UP + LO + DI
HEX = "0123456789abcdef"
HEXU = HEX.upper()
B64 = AN + "+/"
B64U = AN + "-_"
B32L = LO + "234567"


def rs(r, alpha, n):
    return "".join(r.choice(alpha) for _ in range(n))


def uuid4(r):
    h = "%032x" % r.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def b64u_json(obj):
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def jwt(r, payload, alg="HS256", siglen=43):
    return "%s.%s.%s" % (b64u_json({"alg": alg, "typ": "JWT"}),
                         b64u_json(payload), rs(r, B64U, siglen))


def b64_of(r, nbytes):
    return base64.b64encode(bytes(r.getrandbits(8) for _ in range(nbytes))).decode()


def pem_lines(body, width=64):
    return "\n".join(body[i:i + width] for i in range(0, len(body), width))


def rsa_pkcs8(r):
    head = "MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQ"
    body = head + b64_of(r, 1180)[: 1624 - len(head)]
    return ("-----BEGIN PRIVATE KEY-----\n" + pem_lines(body)
            + "\n-----END PRIVATE KEY-----")


def ec_p8(r):
    head = "MIGTAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBHkwdwIBAQQg"
    body = head + b64_of(r, 160)[: 200 - len(head)]
    return ("-----BEGIN PRIVATE KEY-----\n" + pem_lines(body)
            + "\n-----END PRIVATE KEY-----")


def mac(r):
    return ":".join("%02X" % r.getrandbits(8) for _ in range(6))


WORDS = ["Tulpe", "Heron", "Kastanje", "Mariposa", "Fjord", "Sakura", "Bambu",
         "Gwiazda", "Lavanda", "Kiraz", "Pinguin", "Cactus", "Limao", "Oliva",
         "Anggrek", "Simba", "Nuvola", "Zeder", "Koralle", "Hamsi", "Tigre",
         "Bulut", "Muschel", "Sowa", "Rzeka", "Vinter", "Ekorre", "Matahari",
         "Kopi", "Raposa", "Girasol", "Tortuga", "Falke", "Hirondelle",
         "Kumquat", "Marmor", "Pavone", "Nyota", "Chai", "Hoa", "Mawar",
         "Tanuki", "Kaktus", "Ulme", "Brigantine", "Pelikan", "Otter"]
NONASCII = ["Großmühle", "Señorita", "Çınaraltı", "Łódka", "Ærøskøbing",
            "Kärnkraft", "Pãozinho", "Étoile", "Höhlenbär", "Ñoquis", "Žirafa",
            "Şelale", "Fåglar", "Ćwiek"]
LOWER = ["copper", "lantern", "maple", "orbit", "pebble", "harbor", "violet",
         "saddle", "meadow", "cobalt", "quartz", "walnut", "ember", "tundra",
         "falcon", "biscuit", "glacier", "ribbon", "thimble", "parsley",
         "kettle", "acorn", "sprocket", "lagoon", "mango", "tractor", "velvet",
         "cinder", "oyster", "pylon", "sorbet", "zephyr"]
KB = ["qwerty", "asdfgh", "1qaz2wsx", "qazwsx", "zxcvbn", "poiuyt", "azerty",
      "qwertz", "mnbvcx"]

SYM_PROSE = "!#%&*?+@$"
SYM_CONF = "!%*+@?"
SYM_URL = "~"


def pw(r, shape=None, syms=SYM_PROSE):
    """A human-style password. syms: symbols allowed in the value."""
    shape = shape or r.choice(["ws", "ww", "rand", "kb", "leet", "ws", "ww"])
    sym = r.choice(syms) if syms else ""
    if shape == "ws":
        return r.choice(WORDS) + str(r.randint(10, 9999)) + sym
    if shape == "ww":
        a, b = r.sample(WORDS, 2)
        joint = r.choice([s for s in (syms + "-_.") if s not in "$&"] or ["_"])
        return a + joint + b + str(r.randint(1, 99))
    if shape == "rand":
        alpha = AN + syms
        while True:
            v = rs(r, alpha, r.randint(12, 16))
            if any(c in DI for c in v) and any(c in UP for c in v):
                return v
    if shape == "kb":
        k = r.choice(KB)
        k = k[0].upper() + k[1:] if r.random() < 0.6 else k
        return k + sym + str(r.randint(10, 999))
    if shape == "leet":
        w = r.choice(WORDS) + r.choice(WORDS).lower()
        w = w.replace("a", "4").replace("e", "3").replace("o", "0", 1)
        return w + sym + str(r.randint(1, 99))
    if shape == "na":
        return r.choice(NONASCII) + str(r.randint(1, 999)) + sym
    raise ValueError(shape)


def phrase(r, n=4, sep="-"):
    return sep.join(r.sample(LOWER, n))


def digits(r, n):
    return str(r.randint(1, 9)) + rs(r, DI, n - 1)


# --------------------------------------------------------------------------
# template registry

TEMPLATES = []


def T(group, lang, label, typ, glued=False):
    assert label in ("S", "N")

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": "secret" if label == "S" else "not_secret",
                          "type": typ, "glued": glued, "fn": fn})
        return fn
    return deco


PH = re.compile(r"⟦([a-z0-9_]+)⟧")

# ==========================================================================
# group: data — data & analytics engineering

@T("data", "en", "S", "password")
def data_dbt_snowflake_profile(r):
    p = pw(r, syms=SYM_CONF)
    acct = rs(r, LO, 7) + "-" + rs(r, LO + DI, 7)
    return """\
dbt debug fails with "250001: Could not connect to Snowflake backend after 2 attempt(s)". My ~/.dbt/profiles.yml:

analytics:
  target: dev
  outputs:
    dev:
      type: snowflake
      account: ⟦acct⟧
      user: DBT_DEV_MKOWALSKI
      password: "⟦p⟧"
      role: TRANSFORMER
      warehouse: TRANSFORMING_XS
      database: ANALYTICS_DEV
      schema: dbt_mkowalski
      threads: 8

Is the account identifier wrong? We moved to the org-account format last month.""", {"p": (p, "password"), "acct": (acct, None)}


@T("data", "de", "S", "passphrase")
def data_dbt_keypair_passphrase_de(r):
    p = phrase(r, 4, r.choice("-."))
    return """\
Wir sind bei Snowflake auf Key-Pair-Authentifizierung umgestiegen. Der private Schlüssel ist verschlüsselt, die Passphrase habe ich direkt ins Profil geschrieben, weil env_var bei mir nicht ging:

    prod:
      type: snowflake
      account: hanse-logistik.eu-central-1
      user: SVC_DBT_PROD
      private_key_path: /opt/dbt/keys/rsa_key.p8
      private_key_passphrase: "⟦p⟧"
      role: DBT_PROD
      warehouse: WH_DBT_M

Fehlermeldung: "Password was not given but private key is encrypted". Liest dbt-snowflake 1.8 das Feld überhaupt noch?""", {"p": (p, "passphrase")}


@T("data", "en", "S", "databricks_token")
def data_databrickscfg(r):
    tok = "dapi" + rs(r, HEX, 32)
    ws = "adb-" + digits(r, 16) + "." + str(r.randint(1, 19))
    return """\
databricks bundle deploy keeps picking the wrong workspace. Here is ~/.databrickscfg:

[DEFAULT]
host  = https://⟦ws⟧.azuredatabricks.net
token = ⟦tok⟧

[staging]
host = https://adb-5512093378120044.4.azuredatabricks.net
auth_type = databricks-cli

and databricks.yml has `workspace: host: ${var.host}`. Which profile wins?""", {"tok": (tok, "databricks_token"), "ws": (ws, None)}


@T("data", "fr", "S", "databricks_token")
def data_databricks_requests_fr(r):
    tok = "dapi" + rs(r, HEX, 32) + "-2"
    return """\
Bonjour, j'essaie de lancer un job Databricks depuis un script Python (pas de SDK, juste requests). J'ai une 403 « Invalid access token » alors que le jeton a été créé ce matin :

import requests
HOST = "https://dbc-7f3a19c2-55e1.cloud.databricks.com"
headers = {"Authorization": "Bearer ⟦tok⟧"}
r = requests.post(f"{HOST}/api/2.1/jobs/run-now", headers=headers, json={"job_id": 918273645512})
print(r.status_code, r.text)

Est-ce que le « -2 » à la fin du jeton pose problème ?""", {"tok": (tok, "databricks_token")}


@T("data", "en", "S", "gcp_service_account_key")
def data_bigquery_sa_json(r):
    key = rsa_pkcs8(r)
    kj = key.replace("\n", "\\n")
    kid = rs(r, HEX, 40)
    cid = digits(r, 21)
    return """\
The BigQuery load from our Cloud Function works locally but not in prod. The key file the function bundles (bq-loader.json):

{
  "type": "service_account",
  "project_id": "ridgeway-dwh-prod",
  "private_key_id": "⟦kid⟧",
  "private_key": "⟦kj⟧\\n",
  "client_email": "bq-loader@ridgeway-dwh-prod.iam.gserviceaccount.com",
  "client_id": "⟦cid⟧",
  "auth_uri": "https://accounts.google.com/o/oauth2/auth",
  "token_uri": "https://oauth2.googleapis.com/token"
}

Error: 403 Access Denied: Table ridgeway-dwh-prod:raw.orders: User does not have bigquery.tables.updateData permission. Which role is missing?""", {"kj": (kj, "gcp_service_account_key"), "kid": (kid, None), "cid": (cid, None)}


@T("data", "en", "S", "password")
def data_airflow_conn_env(r):
    p = pw(r, shape=r.choice(["ws", "rand", "ww"]), syms=SYM_URL)
    return """\
Airflow 2.9 on k8s. The DAG can't see my postgres connection even though it's set as an env var in the scheduler and worker pods:

env:
  - name: AIRFLOW_CONN_WAREHOUSE_PG
    value: "postgresql://etl_loader:⟦p⟧@pg-warehouse.data.svc.cluster.local:5432/warehouse?sslmode=require"

The task uses PostgresHook(postgres_conn_id="warehouse_pg"). Error: "The conn_id `warehouse_pg` isn't defined". Case sensitivity?""", {"p": (p, "password")}


@T("data", "pt", "S", "password")
def data_airflow_cli_pt(r):
    p = pw(r, syms="!%*+@")
    return """\
Oi! Preciso criar a conexão do SQL Server no Airflow pela linha de comando, mas a senha não está sendo salva (no UI o campo fica vazio). Rodei assim:

airflow connections add 'mssql_erp' \\
    --conn-type 'mssql' \\
    --conn-host 'erp-db01.interno.local' \\
    --conn-login 'airflow_ro' \\
    --conn-password '⟦p⟧' \\
    --conn-port 1433 \\
    --conn-schema 'ERP_PROD'

O comando responde "Successfully added `conn_id`=mssql_erp". Por que a senha sumiu?""", {"p": (p, "password")}


@T("data", "en", "S", "airflow_fernet_key")
def data_airflow_fernet(r):
    k = base64.urlsafe_b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
    return """\
After upgrading the Helm chart all my connections throw "cryptography.fernet.InvalidToken". Relevant part of values.yaml:

config:
  core:
    load_examples: 'False'
    fernet_key: '⟦k⟧'
  webserver:
    expose_config: 'False'

Did the chart start generating its own fernet key secret and ignore this one?""", {"k": (k, "airflow_fernet_key")}


@T("data", "en", "S", "fivetran_api_secret")
def data_fivetran_curl(r):
    key = rs(r, AN, 16)
    sec = rs(r, AN, 32)
    return """\
Trying to pause a Fivetran connector from a shell script before our nightly maintenance window:

curl -X PATCH https://api.fivetran.com/v1/connectors/decisive_wallflower \\
  -u ⟦key⟧:⟦sec⟧ \\
  -H 'Content-Type: application/json' \\
  -d '{"paused": true}'

I get {"code":"NotFound_Connector"} but the connector is right there in the dashboard. Is decisive_wallflower the id or the schema name?""", {"key": (key, "fivetran_api_key"), "sec": (sec, "fivetran_api_secret")}


@T("data", "ja", "S", "airbyte_client_secret")
def data_airbyte_tf_ja(r):
    cid = uuid4(r)
    sec = rs(r, AN, 32)
    return """\
Airbyte Cloud を Terraform で管理しようとしています。terraform plan で 401 が出ます。provider の設定はこれです：

provider "airbyte" {
  client_id     = "⟦cid⟧"
  client_secret = "⟦sec⟧"
}

アプリケーションは Settings → Applications で今朝作ったばかりです。workspace の権限が足りないのでしょうか？""", {"sec": (sec, "airbyte_client_secret"), "cid": (cid, None)}


@T("data", "en", "S", "looker_client_secret")
def data_looker_ini(r):
    cid = rs(r, AN, 20)
    sec = rs(r, AN, 24)
    return """\
looker_sdk.init40() throws "looker_sdk.error.SDKError: Invalid API3 credentials". My looker.ini:

[Looker]
base_url=https://northwind.cloud.looker.com
client_id=⟦cid⟧
client_secret=⟦sec⟧
verify_ssl=True
timeout=120

The user is an admin and the API key shows as enabled. Do I need :19999 in base_url for the new hosting?""", {"sec": (sec, "looker_client_secret"), "cid": (cid, None)}


@T("data", "nl", "S", "metabase_api_key")
def data_metabase_nl(r):
    k = "mb_" + rs(r, B64, 44)
    return """\
Ik wil elke ochtend een Metabase-vraag als CSV ophalen voor het management-overzicht. De API-sleutel heb ik aangemaakt onder Admin → Authenticatie → API-sleutels, maar ik krijg "Unauthenticated":

curl -s -H 'x-api-key: ⟦k⟧' \\
  'https://bi.groenhuis.nl/api/card/412/query/csv' -X POST -o rapport.csv

Moet de sleutel aan een groep gekoppeld zijn om kaarten te mogen uitvoeren?""", {"k": (k, "metabase_api_key")}


@T("data", "en", "S", "tableau_pat_secret")
def data_tableau_tsc(r):
    sec = rs(r, B64, 22) + "==:" + rs(r, AN, 32)
    return """\
Our extract-refresh script started failing with 401001 "Signin Error". Script:

import tableauserverclient as TSC
auth = TSC.PersonalAccessTokenAuth(
    token_name="extract-refresher",
    personal_access_token="⟦sec⟧",
    site_id="finops",
)
server = TSC.Server("https://prod-uk-a.online.tableau.com", use_server_version=True)
with server.auth.sign_in(auth):
    for ds in TSC.Pager(server.datasources):
        print(ds.name)

Do PATs expire after 15 days of no use on Tableau Cloud?""", {"sec": (sec, "tableau_pat_secret")}


@T("data", "zh", "S", "superset_secret_key")
def data_superset_zh(r):
    k = b64_of(r, 42)
    return """\
升级 Superset 到 4.0 之后启动报错 "Refusing to start due to insecure SECRET_KEY"。可我已经在 superset_config.py 里设置了：

ROW_LIMIT = 50000
SECRET_KEY = '⟦k⟧'
SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://superset@pg-meta:5432/superset'
FEATURE_FLAGS = {"DASHBOARD_RBAC": True}

是不是容器里没读到这个配置文件？环境变量 SUPERSET_CONFIG_PATH 要怎么设？""", {"k": (k, "superset_secret_key")}


@T("data", "en", "S", "confluent_api_secret")
def data_confluent_props(r):
    key = rs(r, UP + DI, 16)
    sec = rs(r, AN + "+/", 64)
    return """\
Consumer can't join the group on Confluent Cloud, it just logs "Disconnected while requesting ApiVersion". client.properties:

bootstrap.servers=pkc-4r297.europe-west1.gcp.confluent.cloud:9092
security.protocol=SASL_SSL
sasl.mechanisms=PLAIN
sasl.username=⟦key⟧
sasl.password=⟦sec⟧
session.timeout.ms=45000
group.id=orders-enricher

I'm using librdkafka via confluent-kafka-python 2.4. The key is a service-account key scoped to the cluster.""", {"key": (key, "confluent_api_key"), "sec": (sec, "confluent_api_secret")}


@T("data", "ko", "S", "password")
def data_clickhouse_ko(r):
    p = pw(r, syms="!%+@")
    return """\
ClickHouse 클라이언트로 접속하면 "Code: 516. DB::Exception: default: Authentication failed" 가 떠요. 비밀번호는 분명히 맞는데요:

clickhouse-client --host ch-analytics-01 --port 9440 --secure \\
  --user etl_writer --password '⟦p⟧' \\
  --query "SELECT count() FROM events.page_views"

users.xml 말고 SQL로 만든 사용자라서 그런 걸까요? 에러에 default 라고 나오는 게 이상합니다.""", {"p": (p, "password")}


@T("data", "en", "S", "elastic_api_key")
def data_elastic_apikey(r):
    kid = rs(r, B64U, 20)
    k = rs(r, B64U, 22)
    enc = base64.b64encode((kid + ":" + k).encode()).decode()
    return """\
Logstash elasticsearch output returns 401 after I switched from the elastic user to an API key:

output {
  elasticsearch {
    hosts => ["https://es-prod-1.observability.internal:9200"]
    api_key => "⟦kid⟧:⟦k⟧"
    data_stream => true
  }
}

With curl the encoded form works:
curl -H "Authorization: ApiKey ⟦enc⟧" https://es-prod-1.observability.internal:9200/_security/_authenticate

What format does Logstash expect?""", {"kid": (kid, "elastic_api_key_id"), "k": (k, "elastic_api_key"), "enc": (enc, "elastic_api_key")}


@T("data", "de", "S", "password")
def data_elastic_reset_de(r):
    p = rs(r, AN + "*+=_", 20)
    return """\
Nach dem Neuaufsetzen des Clusters habe ich das Passwort vom elastic-Benutzer zurückgesetzt, jetzt kommt Kibana nicht mehr hoch. Ausgabe:

$ bin/elasticsearch-reset-password -u elastic
This tool will reset the password of the [elastic] user to an autogenerated value.
The password will be printed in the console.
Please confirm that you would like to continue [y/N]y

Password for the [elastic] user successfully reset.
New value: ⟦p⟧

In kibana.yml steht noch elasticsearch.username: "kibana_system". Muss ich dort auch etwas ändern?""", {"p": (p, "password")}


@T("data", "en", "S", "dbt_cloud_token")
def data_dbtc_actions(r):
    tok = "dbtc_" + rs(r, B64U, 48)
    return """\
Can you tidy this GitHub Actions workflow? It triggers a dbt Cloud job on merge to main.

name: trigger-dbt-cloud
on:
  push:
    branches: [main]
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - name: Trigger job
        run: |
          curl -sf -X POST \\
            -H "Authorization: Token ⟦tok⟧" \\
            -H "Content-Type: application/json" \\
            -d '{"cause": "merge to main"}' \\
            https://cloud.getdbt.com/api/v2/accounts/70403/jobs/311877/run/""", {"tok": (tok, "dbt_cloud_token")}


@T("data", "fr", "S", "password")
def data_snowsql_fr(r):
    p = pw(r, shape=r.choice(["ws", "na", "kb"]), syms="!%*+@")
    return """\
SnowSQL ignore ma config et me redemande le mot de passe à chaque connexion. Voici ~/.snowsql/config :

[connections.reporting]
accountname = xq41207.eu-west-3.aws
username = CLAIRE_MARTIN
password = "⟦p⟧"
warehousename = WH_REPORTING
dbname = FINANCE

Je lance `snowsql -c reporting`. Les permissions du fichier sont en 644, c'est grave ?""", {"p": (p, "password")}


# --- data negatives

@T("data", "en", "N", "secret_reference")
def data_dbt_env_var(r):
    return """\
Reviewing a PR for our dbt project. Is this the right way to keep credentials out of profiles.yml in CI?

snowflake_ci:
  target: ci
  outputs:
    ci:
      type: snowflake
      account: "{{ env_var('DBT_SNOWFLAKE_ACCOUNT') }}"
      user: "{{ env_var('DBT_SNOWFLAKE_USER') }}"
      password: "{{ env_var('DBT_ENV_SECRET_SNOWFLAKE_PASSWORD') }}"
      role: CI_RUNNER
      schema: "ci_{{ env_var('GITHUB_RUN_ID', 'local') }}"

I read that the DBT_ENV_SECRET_ prefix scrubs the value from logs.""", {}


@T("data", "en", "N", "secret_reference")
def data_databricks_scope(r):
    return """\
In a Databricks notebook I read the JDBC password like this, and in the cluster Spark config I reference the same secret. Will the value show up in the driver logs?

pg_pw = dbutils.secrets.get(scope="etl-prod", key="pg-warehouse-password")
df = (spark.read.format("jdbc")
      .option("url", "jdbc:postgresql://pg.internal:5432/warehouse")
      .option("user", "etl_loader")
      .option("password", pg_pw)
      .option("dbtable", "public.orders").load())

Spark config:
spark.hadoop.fs.azure.account.key.lakeprod.dfs.core.windows.net {{secrets/etl-prod/adls-account-key}}""", {}


@T("data", "de", "N", "identifier")
def data_bq_sa_nokey_de(r):
    kid = rs(r, HEX, 40)
    return """\
Ich brauche für den Datenschutz-Check eine Übersicht, welche Service-Accounts auf das BigQuery-Projekt zugreifen. Aus der Konsole kopiert:

Name: looker-bq-reader
E-Mail: looker-bq-reader@kontor-dwh.iam.gserviceaccount.com
Eindeutige ID: 104551928374655102938
Schlüssel-ID: ⟦kid⟧ (erstellt am 03.02.2026, läuft nie ab)

Der Schlüssel selbst liegt nicht bei uns, sondern nur in Looker. Kannst du mir eine Tabellenvorlage für die Übersicht bauen?""", {"kid": (kid, None)}


@T("data", "en", "N", "redacted")
def data_airflow_masked_log(r):
    return """\
Task log from Airflow, why does the connection fail? The password is masked but I checked it in the UI.

[2026-11-20, 02:00:14 UTC] {base.py:84} INFO - Using connection ID 'sftp_partner_feed' for task execution.
[2026-11-20, 02:00:14 UTC] {transport.py:1909} INFO - Connected (version 2.0, client OpenSSH_8.9p1)
[2026-11-20, 02:00:15 UTC] {sftp.py:112} INFO - login=feed_ingest password=*** host=sftp.partner-logistics.com port=22
[2026-11-20, 02:00:15 UTC] {taskinstance.py:2731} ERROR - Task failed with exception
paramiko.ssh_exception.AuthenticationException: Authentication failed.""", {}


@T("data", "en", "N", "rotation_notice")
def data_fernet_rotation(r):
    return """\
Draft for #data-platform, please make it shorter:

"Heads-up: tonight at 22:00 CET we rotate the Airflow fernet key. The new key is already in Vault at secret/data/airflow/prod (field fernet_key); the old one stays appended as the second comma-separated key until `airflow rotate-fernet-key` has re-encrypted all connections and variables. No DAG changes needed. If a task fails with InvalidToken after 22:30, ping Jonas.\"""", {}


@T("data", "pt", "N", "identifier")
def data_fivetran_ids_pt(r):
    return """\
Estou documentando nossos conectores do Fivetran para a equipe nova. Pode transformar isso numa tabela em Markdown?

conector: salesforce_crm  | id: plumbing_cornea | grupo: warehouse_br (id: projected_sickle) | destino: snowflake / RAW_SALESFORCE | sync: 15 min
conector: postgres_app    | id: vanquish_tightrope | grupo: warehouse_br | destino: RAW_APP | sync: 5 min
conector: google_ads      | id: sanctify_outpost | grupo: marketing | destino: RAW_ADS | sync: 6 h

Quero uma coluna com o responsável por cada um.""", {}


@T("data", "en", "N", "identifier")
def data_looker_clientid(r):
    cid = rs(r, AN, 20)
    return """\
Our Looker admin created API credentials for me and sent the client ID in Slack: ⟦cid⟧. She said she'll give me the client secret over the phone. Before that, can you write me a Python snippet using looker_sdk that reads both from environment variables (LOOKERSDK_CLIENT_ID / LOOKERSDK_CLIENT_SECRET) and lists all dashboards in the "Finance" folder?""", {"cid": (cid, None)}


@T("data", "ja", "N", "masked_key")
def data_metabase_masked_ja(r):
    a, b = "mb_" + rs(r, AN, 4), "mb_" + rs(r, AN, 4)
    return """\
Metabase の管理画面で API キーの一覧を見ると、こう表示されています：

キー名            グループ          キー            最終更新
etl-refresh       Administrators    ⟦a⟧****        2026/10/02
slack-digest      Analysts          ⟦b⟧****        2026/11/14

どちらのキーがどのスクリプトで使われているか調べる方法はありますか？監査ログを有効にすべきでしょうか。""", {"a": (a, None), "b": (b, None)}


@T("data", "en", "N", "out_of_band_notice")
def data_tableau_pat_oob(r):
    return """\
Please turn this into a short runbook step: "The refresh job signs in to Tableau Cloud with the personal access token named `prefect-extract-refresh` on site `finops`. The token secret is not stored in the repo; it lives in the 1Password item 'Tableau PAT – prefect' in the Data Platform vault and is injected as the Prefect block `tableau-pat`. When the token expires (15 days unused or 1 year), create a new one under My Account Settings and update the block.\"""", {}


@T("data", "zh", "N", "placeholder")
def data_superset_placeholder_zh(r):
    return """\
我们写内部部署文档，这一段说明是否清楚？

1. 复制 superset_config.py.example 为 superset_config.py
2. 把 SECRET_KEY = 'YOUR_OWN_RANDOM_GENERATED_SECRET_KEY' 替换成你自己生成的密钥，例如运行：
   openssl rand -base64 42
3. 密钥不要提交到 Git，也不要在不同环境之间共用
4. 已有数据库时更换密钥需要先执行 superset re-encrypt-secrets

请帮我润色一下中文。""", {}


@T("data", "en", "N", "secret_reference")
def data_kafka_file_provider(r):
    return """\
Kafka Connect worker config. Does the FileConfigProvider resolve these at startup or per connector?

config.providers=file
config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
  username="${file:/opt/connect/secrets/ccloud.properties:api.key}" \\
  password="${file:/opt/connect/secrets/ccloud.properties:api.secret}";
security.protocol=SASL_SSL""", {}


@T("data", "ko", "N", "identifier")
def data_confluent_ids_ko(r):
    return """\
Confluent Cloud 리소스 정리표를 만들고 있어요. 아래 값들을 표로 만들어 주세요 (이름, 종류, ID):

- 환경 prod-eu: env-7xq2jd
- Kafka 클러스터 orders-eu: lkc-9vz1pm (Dedicated, 2 CKU)
- 스키마 레지스트리: lsrc-w31kq8
- 서비스 계정 sa-orders-writer: sa-3r7y0n
- ksqlDB 클러스터: lksqlc-k8x2mz

API 키는 담당자별로 따로 관리하니까 표에는 넣지 않을게요.""", {}


@T("data", "en", "N", "password_hash")
def data_clickhouse_sha256(r):
    h = rs(r, HEX, 64)
    return """\
Is this users.xml entry correct? I generated the hash with `echo -n "$PW" | sha256sum` as the docs say, but login still fails.

<clickhouse>
  <users>
    <grafana_ro>
      <password_sha256_hex>⟦h⟧</password_sha256_hex>
      <networks><ip>10.20.0.0/16</ip></networks>
      <profile>readonly</profile>
      <quota>default</quota>
    </grafana_ro>
  </users>
</clickhouse>""", {"h": (h, None)}


@T("data", "nl", "N", "identifier")
def data_elastic_cloudid_nl(r):
    host = "europe-west4.gcp.elastic-cloud.com:443"
    cid = "prod-observability:" + base64.b64encode(
        ("%s$%s$%s" % (host, rs(r, HEX, 32), rs(r, HEX, 32))).encode()).decode()
    return """\
Wat is precies een Elastic Cloud ID? Ik zie in onze Filebeat-config alleen dit staan, zonder wachtwoord:

cloud.id: "⟦cid⟧"
cloud.auth: "${ES_CLOUD_AUTH}"

Is die cloud.id gevoelig of mag die gewoon in onze Git-repo staan?""", {"cid": (cid, None)}


@T("data", "en", "N", "fingerprint")
def data_elastic_ca_fp(r):
    fp = rs(r, HEX, 64)
    return """\
Fleet Server enrolment fails with x509 errors. My elastic-agent install command:

sudo ./elastic-agent install \\
  --url=https://fleet.obs.internal:8220 \\
  --enrollment-token="$FLEET_ENROLL_TOKEN" \\
  --fleet-server-es-ca-trusted-fingerprint=⟦fp⟧

The fingerprint is from `openssl x509 -fingerprint -sha256 -noout -in http_ca.crt` with the colons removed and lowercased. Should it be the CA or the leaf cert?""", {"fp": (fp, None)}


@T("data", "fr", "N", "identifier")
def data_snowflake_queryid_fr(r):
    q = "01b%s-0000-%s-0000-%s" % (rs(r, HEX, 5), rs(r, HEX, 4), rs(r, HEX, 12))
    return """\
Une requête du tableau de bord Ventes prend 14 minutes depuis hier. Voici les infos de l'historique des requêtes Snowflake :

ID de requête : ⟦q⟧
Entrepôt : WH_BI_M
Compte : MAISONDUPRE-ANALYTICS
Octets analysés : 1,2 To, partitions analysées 48 210 sur 48 212

Comment savoir si c'est le pruning qui ne fonctionne plus ?""", {"q": (q, None)}


@T("data", "en", "N", "public_key")
def data_snowflake_pubkey(r):
    k = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + b64_of(r, 280)[:348]
    return """\
Registering the public key for our dbt service user. Is the statement right, or do I need the BEGIN/END lines?

ALTER USER SVC_DBT_PROD SET RSA_PUBLIC_KEY='⟦k⟧';

DESC USER SVC_DBT_PROD shows RSA_PUBLIC_KEY_FP = SHA256:... afterwards, so I guess it worked?""", {"k": (k, None)}


@T("data", "de", "N", "rotation_notice")
def data_dbtc_rotation_de(r):
    return """\
Kannst du diese Nachricht für den Team-Kanal freundlicher formulieren?

„Der dbt-Cloud-Service-Token für die Airflow-Integration wurde heute früh widerrufen, weil er versehentlich in einem Log gelandet ist. Es gibt einen neuen Token mit Job-Admin-Rechten, der liegt im Vault unter kv/dbt-cloud/airflow. Airflow-Variable DBT_CLOUD_TOKEN ist schon aktualisiert. Wer lokal Skripte mit dem alten Token hat: bitte löschen.“""", {}


@T("data", "en", "N", "password_policy")
def data_snowflake_pw_policy(r):
    return """\
Does this Snowflake password policy meet the requirement "minimum 14 characters, expire after 90 days, lock after 5 failed attempts"?

CREATE PASSWORD POLICY security.policies.human_users
  PASSWORD_MIN_LENGTH = 14
  PASSWORD_MIN_UPPER_CASE_CHARS = 1
  PASSWORD_MIN_NUMERIC_CHARS = 1
  PASSWORD_MIN_SPECIAL_CHARS = 1
  PASSWORD_MAX_AGE_DAYS = 90
  PASSWORD_MAX_RETRIES = 5
  PASSWORD_LOCKOUT_TIME_MINS = 30
  PASSWORD_HISTORY = 5;

ALTER ACCOUNT SET PASSWORD POLICY security.policies.human_users;""", {}


@T("data", "pt", "N", "no_credential")
def data_bq_adc_pt(r):
    return """\
No meu notebook local eu autentico no BigQuery com:

gcloud auth application-default login
gcloud config set project loja-dados-prd

e depois o pandas-gbq funciona. Mas o job bquxjob_5a21c0e3_193f2a7b1c4 falhou com "Quota exceeded: Your project exceeded quota for free query bytes scanned". Isso é por projeto ou por usuário? O dataset é vendas_raw.""", {}

# ==========================================================================
# group: gamedev — mobile and game development

@T("gamedev", "en", "S", "app_store_connect_key")
def gd_asc_p8(r):
    key = ec_p8(r)
    kid = rs(r, UP + DI, 10)
    return """\
I'm writing a small Node script to pull sales reports from App Store Connect. It returns 401 NOT_AUTHORIZED. Here's what I'm signing with:

const KEY_ID = "⟦kid⟧";
const ISSUER_ID = "⟦iss⟧";
const PRIVATE_KEY = `⟦key⟧`;

const token = jwt.sign({ iss: ISSUER_ID, aud: "appstoreconnect-v1", exp: now + 1200 },
  PRIVATE_KEY, { algorithm: "ES256", header: { kid: KEY_ID, typ: "JWT" } });

Is 20 minutes too long for exp?""", {"key": (key, "app_store_connect_key"), "kid": (kid, None), "iss": (uuid4(r), None)}


@T("gamedev", "ja", "S", "app_store_connect_key")
def gd_fastlane_json_ja(r):
    key = ec_p8(r).replace("\n", "\\n")
    return """\
fastlane の pilot で TestFlight にアップロードするときに「Authentication credentials are missing or invalid」と出ます。api_key.json はこうなっています：

{
  "key_id": "⟦kid⟧",
  "issuer_id": "⟦iss⟧",
  "key": "⟦key⟧",
  "duration": 1200,
  "in_house": false
}

Fastfile では app_store_connect_api_key(path: "./fastlane/api_key.json") を呼んでいます。改行の書き方が間違っていますか？""", {"key": (key, "app_store_connect_key"), "kid": (rs(r, UP + DI, 10), None), "iss": (uuid4(r), None)}


@T("gamedev", "en", "S", "google_play_service_account")
def gd_play_sa(r):
    key = rsa_pkcs8(r).replace("\n", "\\n")
    return """\
fastlane supply fails with "Google Api Error: forbidden: The caller does not have permission". play-store-credentials.json (the service account was invited in Play Console → Users and permissions yesterday):

{
  "type": "service_account",
  "project_id": "pc-api-7731902245-118",
  "private_key_id": "⟦kid⟧",
  "private_key": "⟦key⟧\\n",
  "client_email": "fastlane-upload@pc-api-7731902245-118.iam.gserviceaccount.com",
  "client_id": "⟦cid⟧",
  "token_uri": "https://oauth2.googleapis.com/token"
}

Does it take 24h for the permission to propagate?""", {"key": (key, "google_play_service_account"), "kid": (rs(r, HEX, 40), None), "cid": (digits(r, 21), None)}


@T("gamedev", "en", "S", "fcm_server_key")
def gd_fcm_legacy(r):
    k = "AAAA" + rs(r, B64U, 7) + ":APA91b" + rs(r, B64U, 134)
    return """\
Our old backend still sends pushes via the legacy FCM endpoint and it started returning 404. This is the call:

curl -X POST https://fcm.googleapis.com/fcm/send \\
  -H "Authorization: key=⟦k⟧" \\
  -H "Content-Type: application/json" \\
  -d '{"to":"/topics/daily-reward","notification":{"title":"Your chest is ready!"}}'

What's the minimal change to move to HTTP v1?""", {"k": (k, "fcm_server_key")}


@T("gamedev", "ko", "S", "firebase_admin_key")
def gd_firebase_env_ko(r):
    key = rsa_pkcs8(r).replace("\n", "\\n")
    return """\
Next.js API 라우트에서 firebase-admin 초기화할 때 "Failed to parse private key: Error: Invalid PEM formatted message" 에러가 나요. Vercel 환경 변수에 넣은 값이에요:

FIREBASE_PROJECT_ID=petgame-live
FIREBASE_CLIENT_EMAIL=firebase-adminsdk-q2x8v@petgame-live.iam.gserviceaccount.com
FIREBASE_PRIVATE_KEY="⟦key⟧\\n"

코드에서는 privateKey: process.env.FIREBASE_PRIVATE_KEY 로 넘기고 있어요. replace(/\\\\n/g, '\\n') 가 필요한가요?""", {"key": (key, "firebase_admin_key")}


@T("gamedev", "en", "S", "unity_service_account_secret")
def gd_ugs_sa(r):
    kid = uuid4(r)
    sec = rs(r, AN + "-_", 32)
    return """\
Trying to call the Unity Cloud Save admin API from our backend. I created a service account in the Unity Cloud dashboard and got:

Key ID: ⟦kid⟧
Secret key: ⟦sec⟧

Then: curl -u "⟦kid⟧:⟦sec⟧" https://services.api.unity.com/auth/v1/token-exchange?projectId=2f9c6a41-8e3b-4b2e-9d17-55c0a1e7b3f2&environmentId=prod

I get 403 "The requested action requires Project Admin role". Which role do I add to the service account?""", {"sec": (sec, "unity_service_account_secret"), "kid": (kid, None)}


@T("gamedev", "pl", "S", "eos_client_secret")
def gd_eos_ini_pl(r):
    cid = "xyza7891" + rs(r, AN, 24)
    sec = rs(r, B64U, 43)
    return """\
Cześć, integruję Epic Online Services w Unreal 5.4 i logowanie przez Steam działa tylko w edytorze. W spakowanej grze EOS zwraca EOS_InvalidAuth. Fragment DefaultEngine.ini:

[/Script/OnlineSubsystemEOS.EOSSettings]
+Artifacts=(ArtifactName="Retail",ClientId="⟦cid⟧",ClientSecret="⟦sec⟧",ProductId="8c3a1f22d9b64e0f9a7e51c2b0d4f6a1",SandboxId="p-3kq9w2zm7xh4vd8n",DeploymentId="5e0b7c91a2d84f36b1c9e7a4d2f0b863",EncryptionKey="")
bUseEAS=True
bUseEOSConnect=True

Czy w buildzie shipping trzeba ustawić DefaultArtifactName?""", {"sec": (sec, "eos_client_secret"), "cid": (cid, None)}


@T("gamedev", "en", "S", "steam_web_api_key")
def gd_steam_publisher(r):
    k = rs(r, HEXU, 32)
    return """\
Quick sanity check on this script that grants a test item to a player through the Steam Inventory service:

curl -X POST "https://partner.steam-api.com/IInventoryService/AddItem/v1/" \\
  -d key=⟦k⟧ \\
  -d appid=2291840 \\
  -d "itemdefid[0]=1001" \\
  -d steamid=76561198012345678 \\
  -d notify=1

It answers 403 Forbidden. Is the partner domain right for a publisher key?""", {"k": (k, "steam_web_api_key")}


@T("gamedev", "sv", "S", "password")
def gd_steamcmd_sv(r):
    p = pw(r, syms="!%+@")
    return """\
Vårt byggskript laddar upp till Steam via steamcmd men fastnar på Steam Guard varje gång CI-maskinen startas om. Skriptet:

steamcmd +login ridgeline_build ⟦p⟧ \\
  +run_app_build /builds/scripts/app_build_2291840.vdf +quit

Kontot är ett separat byggkonto med bara behörighet att ladda upp byggen. Hur får man config.vdf att överleva omstarter så att vi slipper koden?""", {"p": (p, "password")}


@T("gamedev", "en", "S", "playfab_secret_key")
def gd_playfab_secret(r):
    k = rs(r, UP + DI, 52)
    return """\
Our matchmaking server calls PlayFab server APIs and every call gets "NotAuthorized". C# snippet:

PlayFabSettings.staticSettings.TitleId = "7A3F2";
PlayFabSettings.staticSettings.DeveloperSecretKey = "⟦k⟧";
var result = await PlayFabServerAPI.GetUserInventoryAsync(new GetUserInventoryRequest { PlayFabId = playerId });

We define ENABLE_PLAYFABSERVER_API in the scripting symbols. What else could it be?""", {"k": (k, "playfab_secret_key")}


@T("gamedev", "zh", "S", "expo_access_token")
def gd_expo_ci_zh(r):
    k = rs(r, AN + "_", 40)
    return """\
我们用 GitHub Actions 跑 EAS Build，日志里一直提示 "An Expo user account is required to proceed"。workflow 文件如下：

jobs:
  build:
    runs-on: ubuntu-latest
    env:
      EXPO_TOKEN: ⟦k⟧
    steps:
      - uses: actions/checkout@v4
      - uses: expo/expo-github-action@v8
        with:
          eas-version: latest
      - run: eas build --platform android --profile preview --non-interactive

这个 token 是在 expo.dev 的 Access tokens 页面创建的 robot token。是不是要写成 token: 参数？""", {"k": (k, "expo_access_token")}


@T("gamedev", "en", "S", "sentry_auth_token")
def gd_sentryclirc(r):
    k = "sntryu_" + rs(r, HEX, 64)
    return """\
sentry-cli refuses to upload our dSYMs from the build machine. ~/.sentryclirc on that box:

[auth]
token=⟦k⟧

[defaults]
url=https://sentry.io/
org=brightforge-games
project=skyhaven-ios

Error: "API request failed: sentry reported an error: You do not have permission to perform this action. (http status: 403)". Does a user token need project:releases scope for this?""", {"k": (k, "sentry_auth_token")}


@T("gamedev", "es", "S", "sentry_org_token")
def gd_sentry_props_es(r):
    payload = b64u_json({"iat": 1761300000 + r.randint(0, 9999999), "url": "https://sentry.io",
                         "region_url": "https://de.sentry.io", "org": "estudio-quimera"})
    k = "sntrys_" + payload + "_" + rs(r, B64U, 43)
    return """\
Hola, en Android el plugin de Gradle de Sentry no sube los mapeos de ProGuard en las builds de release. Tengo este sentry.properties en la raíz del proyecto:

defaults.org=estudio-quimera
defaults.project=quimera-android
auth.token=⟦k⟧

¿El plugin 4.x todavía lee este archivo o tengo que pasar el token por variable de entorno?""", {"k": (k, "sentry_org_token")}


@T("gamedev", "en", "S", "revenuecat_secret_key")
def gd_revenuecat(r):
    pub = "appl_" + rs(r, AN, 27)
    sec = "sk_" + rs(r, AN, 32)
    return """\
Our server verifies entitlements after purchase. The app side is configured with the public SDK key ⟦pub⟧ and the server uses:

const rc = await fetch(`https://api.revenuecat.com/v1/subscribers/${appUserId}`, {
  headers: { Authorization: "Bearer ⟦sec⟧", "X-Platform": "ios" }
});

Entitlements come back empty for sandbox purchases. Is sandbox data hidden from v1?""", {"sec": (sec, "revenuecat_secret_key"), "pub": (pub, None)}


@T("gamedev", "fr", "S", "onesignal_api_key")
def gd_onesignal_fr(r):
    k = "os_v2_app_" + rs(r, B32L, 113)
    return """\
Bonjour, je veux envoyer une notification « Nouvel événement ce week-end » à tous nos joueurs depuis un script Python, mais OneSignal répond 403 « Access denied. Please include an 'Authorization: ...' header with a valid API key ». Pourtant :

headers = {
    "Authorization": "Key ⟦k⟧",
    "Content-Type": "application/json",
}
payload = {"app_id": "⟦app⟧", "included_segments": ["Total Subscriptions"],
           "contents": {"fr": "Nouvel événement ce week-end !", "en": "New event this weekend!"}}

C'est la clé d'API REST créée dans Settings → Keys & IDs.""", {"k": (k, "onesignal_api_key"), "app": (uuid4(r), None)}


@T("gamedev", "en", "S", "password")
def gd_key_properties(r):
    sp = pw(r, syms="!%*+@")
    kp = pw(r, syms="!%*+@")
    return """\
Release build fails with "Keystore was tampered with, or password was incorrect". android/key.properties:

storePassword=⟦sp⟧
keyPassword=⟦kp⟧
keyAlias=upload
storeFile=/Users/dana/keys/upload-keystore.jks

build.gradle reads it with keystoreProperties.load(new FileInputStream(keystorePropertiesFile)). I copied the keystore from the old MacBook, could that break it?""", {"sp": (sp, "password"), "kp": (kp, "password")}


@T("gamedev", "ja", "S", "password")
def gd_keytool_ja(r):
    p = pw(r, shape=r.choice(["ws", "kb", "leet"]), syms="!%+@")
    return """\
アップロード鍵を作り直したいです。このコマンドで合っていますか？Play Console に登録する証明書も出力したいです。

keytool -genkeypair -v -keystore upload-2026.jks -alias upload \\
  -keyalg RSA -keysize 2048 -validity 10000 \\
  -storepass '⟦p⟧' -keypass '⟦p⟧' \\
  -dname "CN=Hoshizora Games, O=Hoshizora Games K.K., C=JP"

ストアのパスワードとキーのパスワードは同じにしています。""", {"p": (p, "password")}


@T("gamedev", "ko", "S", "password")
def gd_keystore_chat_ko(r):
    sp = pw(r, syms="!@#")
    kp = pw(r, syms="!@#")
    return """\
팀장님이 슬랙으로 보내준 내용인데, 유니티 Player Settings → Publishing Settings 에 어디에 뭘 넣어야 하는지 헷갈려요:

"키스토어 파일은 공유 드라이브 /release/android/moon-rpg.keystore 에 있어요. 키스토어 비밀번호는 ⟦sp⟧ 이고, alias 는 moonrpg_release, alias 비밀번호는 ⟦kp⟧ 입니다. 빌드 끝나면 로컬 복사본은 지워 주세요."

Project Keystore 랑 Project Key 칸 순서대로 알려 주세요.""", {"sp": (sp, "password"), "kp": (kp, "password")}


@T("gamedev", "pl", "S", "apple_app_specific_password")
def gd_notarytool_pl(r):
    p = "-".join(rs(r, LO, 4) for _ in range(4))
    return """\
Notaryzacja naszej gry na macOS wywala się na etapie logowania. Skrypt w CI:

xcrun notarytool submit build/StarForge.zip \\
  --apple-id release@starforge.pl \\
  --team-id 7QK2M9XZ4B \\
  --password ⟦p⟧ \\
  --wait

Błąd: "HTTP status code: 401. Unable to authenticate." Hasło aplikacji wygenerowałem wczoraj na appleid.apple.com. Czy lepiej przejść na klucz API?""", {"p": (p, "apple_app_specific_password")}


@T("gamedev", "en", "S", "gameanalytics_secret_key")
def gd_gameanalytics(r):
    gk = rs(r, HEX, 32)
    sk = rs(r, HEX, 40)
    return """\
Server-side event sending to GameAnalytics returns 401. I compute the HMAC like this:

GAME_KEY = "⟦gk⟧"
SECRET_KEY = "⟦sk⟧"
body = gzip.compress(json.dumps(events).encode())
auth = base64.b64encode(hmac.new(SECRET_KEY.encode(), body, hashlib.sha256).digest())
requests.post(f"https://api.gameanalytics.com/v2/{GAME_KEY}/events", data=body,
              headers={"Authorization": auth, "Content-Encoding": "gzip"})

Should the HMAC be over the compressed or uncompressed body?""", {"sk": (sk, "gameanalytics_secret_key"), "gk": (gk, None)}


# --- gamedev negatives

@T("gamedev", "en", "N", "publishable_key")
def gd_firebase_web_config(r):
    k = "AIzaSy" + rs(r, B64U, 33)
    return """\
Our web companion app for the game shows "Firebase: Error (auth/unauthorized-domain)". Config:

const firebaseConfig = {
  apiKey: "⟦k⟧",
  authDomain: "lanternfall-live.firebaseapp.com",
  projectId: "lanternfall-live",
  storageBucket: "lanternfall-live.appspot.com",
  messagingSenderId: "559120837744",
  appId: "1:559120837744:web:3c9e1a7f0b2d4e6a8c1f05"
};

The site is served from play.lanternfall.gg. Where do I add it?""", {"k": (k, None)}


@T("gamedev", "ja", "N", "publishable_key")
def gd_plist_ja(r):
    k = "AIzaSy" + rs(r, B64U, 33)
    return """\
GoogleService-Info.plist をリポジトリに入れても大丈夫か、社内で意見が分かれています。中身の一部です：

<key>API_KEY</key>
<string>⟦k⟧</string>
<key>GCM_SENDER_ID</key>
<string>883201947561</string>
<key>BUNDLE_ID</key>
<string>jp.co.tsukiyo.puzzle</string>
<key>GOOGLE_APP_ID</key>
<string>1:883201947561:ios:5b7e2c90d1a4f3e6</string>

この API キーはアプリに埋め込まれるものなので公開されても問題ない、という理解で合っていますか？""", {"k": (k, None)}


@T("gamedev", "en", "N", "public_client_key")
def gd_sentry_dsn(r):
    dsn = "https://%s@o%s.ingest.us.sentry.io/%s" % (rs(r, HEX, 32), digits(r, 6), digits(r, 7))
    return """\
Crash reports from Android stopped arriving after we moved Sentry init into Application.onCreate:

SentryAndroid.init(this) { options ->
    options.dsn = "⟦dsn⟧"
    options.environment = BuildConfig.BUILD_TYPE
    options.tracesSampleRate = 0.2
}

The manifest also has io.sentry.auto-init set to false. Anything else to check?""", {"dsn": (dsn, None)}


@T("gamedev", "ko", "N", "publishable_key")
def gd_revenuecat_public_ko(r):
    a = "appl_" + rs(r, AN, 27)
    g = "goog_" + rs(r, AN, 27)
    return """\
React Native 앱에서 RevenueCat 초기화 코드예요. iOS는 구매가 되는데 안드로이드는 offerings 가 비어 있어요:

if (Platform.OS === 'ios') {
  Purchases.configure({ apiKey: '⟦a⟧' });
} else {
  Purchases.configure({ apiKey: '⟦g⟧' });
}

Play Console 에서 구독 상품은 활성화해 두었습니다. 뭘 더 확인해야 할까요?""", {"a": (a, None), "g": (g, None)}


@T("gamedev", "en", "N", "identifier")
def gd_onesignal_appid(r):
    return """\
Unity OneSignal SDK 5 init. Notifications arrive on Android but never on iOS:

void Start() {
    OneSignal.Debug.LogLevel = LogLevel.Verbose;
    OneSignal.Initialize("⟦app⟧");
    OneSignal.Notifications.RequestPermissionAsync(true);
}

Push capability and Background Modes → Remote notifications are on in Xcode. The p8 upload in OneSignal settings shows a green check.""", {"app": (uuid4(r), None)}


@T("gamedev", "zh", "N", "identifier")
def gd_asc_ids_zh(r):
    return """\
帮我写一个 GitHub Actions 步骤，用 App Store Connect API 密钥上传 TestFlight。私钥我会放到仓库的 secrets 里（ASC_PRIVATE_KEY），下面只是 ID：

Key ID：⟦kid⟧
Issuer ID：⟦iss⟧
私钥文件名：AuthKey_⟦kid⟧.p8（只能下载一次，已经保存在公司的密码管理器里）

用 xcrun altool 还是 fastlane 更好？""", {"kid": (rs(r, UP + DI, 10), None), "iss": (uuid4(r), None)}


@T("gamedev", "en", "N", "fingerprint")
def gd_keytool_list(r):
    sha1 = ":".join(rs(r, HEXU, 2) for _ in range(20))
    sha256 = ":".join(rs(r, HEXU, 2) for _ in range(32))
    return """\
Google Sign-In fails with DEVELOPER_ERROR (code 10) in the release build only. keytool output for our upload key:

Alias name: upload
Creation date: Mar 4, 2025
Entry type: PrivateKeyEntry
Owner: CN=Tidewater Studio, O=Tidewater Studio, C=NZ
Certificate fingerprints:
	 SHA1: ⟦sha1⟧
	 SHA256: ⟦sha256⟧
Signature algorithm name: SHA256withRSA

I added this SHA-1 to Firebase. Do I need the app signing key's fingerprint from Play Console instead?""", {"sha1": (sha1, None), "sha256": (sha256, None)}


@T("gamedev", "pl", "N", "secret_reference")
def gd_gradle_getenv_pl(r):
    return """\
Czy taka konfiguracja podpisywania w build.gradle.kts jest bezpieczna? Chcę, żeby hasła nigdy nie trafiły do repozytorium:

signingConfigs {
    create("release") {
        storeFile = file(System.getenv("KEYSTORE_PATH") ?: "release.jks")
        storePassword = System.getenv("KEYSTORE_PASSWORD")
        keyAlias = System.getenv("KEY_ALIAS")
        keyPassword = System.getenv("KEY_PASSWORD")
    }
}

W GitHub Actions ustawiam je z sekretów repozytorium.""", {}


@T("gamedev", "en", "N", "secret_reference")
def gd_eas_secret(r):
    return """\
Is this the right way to give EAS Build access to our Sentry token without committing it?

eas secret:create --scope project --name SENTRY_AUTH_TOKEN --value "$SENTRY_AUTH_TOKEN" --type string

and in app.config.ts:
plugins: [["@sentry/react-native/expo", { organization: "pixelharbor", project: "tapquest" }]]

The docs say the plugin picks SENTRY_AUTH_TOKEN from the build environment.""", {}


@T("gamedev", "sv", "N", "identifier")
def gd_steam_ids_sv(r):
    return """\
Kan du hjälpa mig skriva en app_build-VDF för vår demo? Uppgifterna från Steamworks:

App-ID (fullversion): 2291840
App-ID (demo): 2291850
Depå Windows: 2291851
Depå macOS: 2291852
Gren: beta-demo (lösenordsskyddad gren stängd)
Senaste bygg-ID: 16044783

Innehållet ligger i ../output/windows respektive ../output/mac.""", {}


@T("gamedev", "en", "N", "identifier")
def gd_playfab_title(r):
    return """\
Our PlayFab title ID is 7C1E9 and the staging title is 4A0B2. I'm NOT pasting the developer secret keys here, they're in our secrets manager. What I need: a GitHub Actions step that deploys CloudScript (Azure Functions) to both titles and then registers the functions with the PlayFab "RegisterHttpFunction" admin API, reading the secret from ${{ secrets.PLAYFAB_SECRET_STAGING }} etc.""", {}


@T("gamedev", "fr", "N", "redacted")
def gd_ci_masked_fr(r):
    return """\
Dans les logs GitLab CI de notre pipeline iOS, la variable apparaît masquée, mais l'upload des symboles échoue quand même :

$ export SENTRY_AUTH_TOKEN=[MASKED]
$ sentry-cli debug-files upload --include-sources -o atelier-lune -p lune-ios build/dSYMs
error: API request failed
  caused by: sentry reported an error: Invalid token (http status: 401)

La variable est marquée « Protected ». Est-ce que la branche feature/ios-17 n'y a pas accès ?""", {}


@T("gamedev", "en", "N", "identifier")
def gd_unity_ids(r):
    return """\
For the Unity Cloud Build / DevOps API I need to fill these in our build bot config. From the dashboard:

Organization ID: 2281904766512
Project ID: ⟦pid⟧
Environment (production) ID: ⟦eid⟧
Build target: android-release

Which base URL should the bot use for "create build" now that Cloud Build moved under Unity DevOps?""", {"pid": (uuid4(r), None), "eid": (uuid4(r), None)}


@T("gamedev", "es", "N", "password_prompt")
def gd_keystore_prompt_es(r):
    return """\
Al ejecutar jarsigner se queda esperando y no sé qué poner:

$ jarsigner -verbose -sigalg SHA256withRSA -digestalg SHA-256 -keystore mi-juego.keystore app-release-unsigned.apk mijuego
Enter Passphrase for keystore:

¿Es la contraseña del almacén o la de la clave? El keystore lo creó un compañero que ya no está en el estudio y no dejó nada documentado.""", {}


@T("gamedev", "en", "N", "certificate")
def gd_upload_cert(r):
    body = "MIIDDzCCAfegAwIBAgIE" + b64_of(r, 600)[:760]
    return """\
Play Console asks me to register the upload certificate after our key reset. This is the PEM I exported with `keytool -export -rfc -keystore upload.jks -alias upload -file upload_certificate.pem`. Is it the right format?

-----BEGIN CERTIFICATE-----
⟦c⟧
-----END CERTIFICATE-----""", {"c": (pem_lines(body), None)}


@T("gamedev", "en", "N", "placeholder")
def gd_steam_placeholder(r):
    return """\
I'm writing the README for our open-source Steam achievements dashboard. Does this setup section make sense?

1. Get a Steam Web API key at https://steamcommunity.com/dev/apikey
2. Copy .env.example to .env
3. Fill in:
   STEAM_API_KEY=YOUR_STEAM_WEB_API_KEY
   STEAM_APP_ID=480
4. Never commit .env (it's in .gitignore)
5. npm run dev""", {}


@T("gamedev", "en", "N", "secret_reference")
def gd_firebase_adc(r):
    return """\
Cloud Run service initialising firebase-admin without a key file. Will this pick up the runtime service account?

import { initializeApp, applicationDefault } from "firebase-admin/app";
initializeApp({ credential: applicationDefault(), projectId: "galaxy-tap-prod" });

Locally I set GOOGLE_APPLICATION_CREDENTIALS=/Users/min/keys/galaxy-tap-dev.json and that works.""", {}


@T("gamedev", "de", "N", "identifier")
def gd_eos_ids_de(r):
    return """\
Für unser internes Wiki möchte ich die EOS-Kennungen unserer drei Umgebungen als Tabelle haben (Dev, Stage, Live). Die Client-Secrets trage ich nicht ein, die liegen im Passwort-Tresor.

Produkt-ID: ⟦p⟧
Sandbox Dev: p-7ndq2kx9vz3m5wbr8t4c  / Deployment: ⟦d1⟧
Sandbox Stage: p-k2x8m4q7w9r3z5n1v6bd / Deployment: ⟦d2⟧
Sandbox Live: ⟦live⟧ / Deployment: ⟦d3⟧""", {"p": (rs(r, HEX, 32), None), "d1": (rs(r, HEX, 32), None), "d2": (rs(r, HEX, 32), None), "d3": (rs(r, HEX, 32), None), "live": (rs(r, HEX, 32), None)}


@T("gamedev", "en", "N", "rotation_notice")
def gd_app_specific_rotation(r):
    return """\
Can you write a short changelog entry for our build infra repo? What happened: the app-specific password used by notarytool was revoked on Apple ID (someone pasted it in a public issue). We switched notarization to an App Store Connect API key with the Developer role; the .p8 is stored as the CI secret ASC_API_KEY_P8 and the old NOTARY_PASSWORD secret was deleted.""", {}


@T("gamedev", "en", "N", "hash")
def gd_integrity_nonce(r):
    h = rs(r, HEX, 64)
    n = rs(r, B64U, 43)
    return """\
Play Integrity API: my server rejects the verdict because the requestHash doesn't match. Debug log:

client: requestHash = sha256(playerId + ":" + matchId) = ⟦h⟧
server decoded payload:
  "requestDetails": { "requestPackageName": "com.driftworks.rally", "requestHash": "⟦n⟧", "timestampMillis": "1764201153000" }

Is the server-side value supposed to be base64 or hex?""", {"h": (h, None), "n": (n, None)}

# ==========================================================================
# group: telecom — telecom, OT and industrial

@T("telecom", "en", "S", "puk")
def tc_sim_pin_puk(r):
    pin = digits(r, 4)
    puk = digits(r, 8)
    return """\
My field tablet says "SIM locked, enter PUK" after someone typed the wrong PIN three times. From the SIM card holder in the van's glovebox:

PIN1: ⟦pin⟧
PUK1: ⟦puk⟧
ICCID: 8944 1100 0042 1983 765

Which menu on a Samsung Galaxy Tab Active4 lets me type the PUK, and will it ask me to set a new PIN afterwards?""", {"pin": (pin, "pin"), "puk": (puk, "puk")}


@T("telecom", "de", "S", "password")
def tc_fritzbox_de(r):
    p = pw(r, shape=r.choice(["ww", "ws", "na"]))
    return """\
Hallo, ich betreue das Netzwerk in unserer Zahnarztpraxis nebenbei. Die FRITZ!Box 7590 hat seit dem Update keine Portfreigabe mehr für den Röntgenrechner. Ich komme auf fritz.box mit dem Kennwort ⟦p⟧ rein, aber unter Internet → Freigaben ist die Liste leer. Muss ich die Freigaben nach dem Update neu anlegen, oder gibt es ein Backup, das ich einspielen kann?""", {"p": (p, "password")}


@T("telecom", "en", "S", "soracom_auth_key_secret")
def tc_soracom(r):
    kid = "keyId-" + rs(r, AN, 32)
    sec = "secret-" + rs(r, AN, 64)
    return """\
We're automating SIM suspension for lost trackers with the Soracom API. The auth call works in Postman but not from Python:

resp = requests.post("https://api.soracom.io/v1/auth", json={
    "authKeyId": "⟦kid⟧",
    "authKey": "⟦sec⟧",
})
print(resp.status_code, resp.text)

Python prints 400 "Invalid auth key". Does the g.api.soracom.io endpoint need to be used for global coverage SIMs?""", {"kid": (kid, "soracom_auth_key_id"), "sec": (sec, "soracom_auth_key_secret")}


@T("telecom", "tr", "S", "password")
def tc_tplink_tr(r):
    admin = pw(r, syms="!@#*")
    wifi = pw(r, shape=r.choice(["ww", "ws"]), syms="!@#*")
    return """\
Merhaba, depodaki TP-Link Archer modemin ayarlarını değiştirmem lazım ama arayüz sürekli "oturum zaman aşımı" veriyor. Arayüz şifresi ⟦admin⟧ ve kablosuz ağ şifresi ⟦wifi⟧ olarak ayarlı. Depo_2G ağına bağlanan el terminalleri her sabah kopuyor; kanal genişliğini 20 MHz'e mi düşürmeliyim, yoksa sorun DHCP kira süresinde mi?""", {"admin": (admin, "password"), "wifi": (wifi, "password")}


@T("telecom", "en", "S", "snmp_community")
def tc_snmpwalk(r):
    c = rs(r, AN, 14)
    return """\
snmpwalk against our Juniper EX switches times out from the new Zabbix proxy, but works from the old one:

snmpwalk -v2c -c ⟦c⟧ -t 5 -r 2 10.40.8.21 1.3.6.1.2.1.1
Timeout: No Response from 10.40.8.21

Both proxies are in 10.40.0.0/24. Is there a client-list on the switch side I need to update?""", {"c": (c, "snmp_community")}


@T("telecom", "it", "S", "password")
def tc_snmpv3_it(r):
    a = pw(r, shape="rand", syms="")
    x = pw(r, shape="rand", syms="")
    return """\
Ciao, sto configurando il monitoraggio degli UPS della sala quadri con SNMPv3, ma l'interrogazione non risponde. Comando:

snmpget -v3 -l authPriv -u nms_monitor -a SHA -A '⟦a⟧' -x AES -X '⟦x⟧' 192.168.50.14 1.3.6.1.2.1.33.1.2.4.0

Risultato: "snmpget: Authentication failure (incorrect password, community or key)". Sull'UPS ho impostato SHA e AES-128. Può dipendere dall'engine ID?""", {"a": (a, "password"), "x": (x, "password")}


@T("telecom", "en", "S", "password")
def tc_hmi_handover(r):
    op = pw(r, shape=r.choice(["ws", "kb"]), syms="!#*")
    eng = pw(r, syms="!#*")
    return """\
Can you turn my night-shift handover notes into a clean e-mail for the day shift lead?

- Line 3 filler stopped 02:40, E-stop on conveyor 3B, reset OK, restarted 03:05
- HMI on line 3 was logged out after the reboot. Operator login is OPERATOR3 / ⟦op⟧. Engineering login is ENG_ADMIN / ⟦eng⟧ (only for recipe changes, don't give it out)
- Temperature alarm on tank T-12 is still flapping, maintenance ticket 44817 open
- Forklift charger 2 is broken again""", {"op": (op, "password"), "eng": (eng, "password")}


@T("telecom", "de", "S", "password")
def tc_s7_protection_de(r):
    p = pw(r, syms="!%+")
    return """\
Frage zu TIA Portal V18: Auf der S7-1500 der Abfüllanlage ist Schutzstufe „Vollzugriff inkl. Failsafe (kein Schutz)“ aus und „Schreibschutz“ aktiv. Das Passwort für den Vollzugriff ist ⟦p⟧ – das hat mir der Integrator gegeben. Beim Online-Gehen fragt TIA aber immer nach einem Passwort für das „Zugriffsschutz-Passwort der CPU“ und lehnt es ab. Gibt es seit V17 ein zweites Passwort für die Vertraulichkeit der PLC-Konfiguration?""", {"p": (p, "password")}


@T("telecom", "es", "S", "ubidots_token")
def tc_ubidots_es(r):
    t = "BBFF-" + rs(r, AN, 30)
    return """\
Hola, tengo un ESP32 que envía la temperatura de las cámaras frigoríficas a Ubidots y desde ayer responde 401. El código:

const char* UBIDOTS_TOKEN = "⟦t⟧";
const char* DEVICE_LABEL = "camara-frio-02";
http.begin("http://industrial.api.ubidots.com/api/v1.6/devices/camara-frio-02");
http.addHeader("X-Auth-Token", UBIDOTS_TOKEN);

¿Caducan los tokens de Ubidots o me cambiaron algo en la cuenta?""", {"t": (t, "ubidots_token")}


@T("telecom", "en", "S", "password")
def tc_mosquitto_pub(r):
    p = pw(r, syms="!%+@")
    return """\
Testing the broker before we point the gateways at it. This works on the broker host itself but not from the plant LAN:

mosquitto_pub -h mqtt.plant.local -p 8883 --cafile /etc/ssl/plant-ca.pem \\
  -u gateway_line2 -P '⟦p⟧' \\
  -t 'plant/line2/press/status' -m '{"state":"RUN","cycle":4471}'

Error: "Connection error: Connection Refused: not authorised." mosquitto.conf has listener 8883 and allow_anonymous false.""", {"p": (p, "password")}


@T("telecom", "pt", "S", "ttn_api_key")
def tc_ttn_pt(r):
    a = rs(r, UP + "234567", 39)
    b = rs(r, UP + "234567", 52)
    k = "NNSXS.%s.%s" % (a, b)
    return """\
Olá! Estou integrando os sensores LoRaWAN da fazenda com o The Things Stack pelo webhook, mas quero também buscar o histórico pela API de Storage. Fiz assim:

curl -G "https://eu1.cloud.thethings.network/api/v3/as/applications/fazenda-boa-vista/packages/storage/uplink_message" \\
  -H "Authorization: Bearer ⟦k⟧" \\
  -H "Accept: text/event-stream" -d "last=24h"

A resposta vem vazia. Preciso ativar a integração de Storage antes?""", {"k": (k, "ttn_api_key")}


@T("telecom", "en", "S", "lorawan_app_key")
def tc_lmic_appkey(r):
    deveui = rs(r, HEXU, 16)
    k = rs(r, HEXU, 32)
    return """\
Our LMIC-based soil sensor never gets a Join Accept. Keys in the sketch:

// DevEUI and JoinEUI in LSB order, AppKey in MSB order
static const u1_t PROGMEM DEVEUI[8] = { ⟦deveui_bytes⟧ };
static const u1_t PROGMEM APPEUI[8] = { 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 };
static const char APPKEY_HEX[] = "⟦k⟧";

In ChirpStack the device shows DevEUI ⟦deveui⟧ and the same AppKey. Did I get the byte order wrong for DevEUI?""", {"k": (k, "lorawan_app_key"), "deveui": (deveui, None),
        "deveui_bytes": (", ".join("0x" + deveui[i:i + 2] for i in range(14, -1, -2)), None)}


@T("telecom", "fr", "S", "lorawan_session_key")
def tc_abp_fr(r):
    nwk = rs(r, HEXU, 32)
    app = rs(r, HEXU, 32)
    return """\
Bonjour, nos compteurs d'eau LoRaWAN sont en ABP (pas d'OTAA possible sur ce modèle). Après une coupure du serveur réseau, plus aucune trame n'est acceptée. Les paramètres d'un compteur :

DevAddr : 26 0B 4F 7C
NwkSKey : ⟦nwk⟧
AppSKey : ⟦app⟧
Compteur de trames côté capteur : 18 432

Est-ce que le serveur a remis le compteur de trames à zéro ? Comment désactiver la vérification du frame counter pour ce capteur ?""", {"nwk": (nwk, "lorawan_session_key"), "app": (app, "lorawan_session_key")}


@T("telecom", "en", "S", "samsara_api_token")
def tc_samsara(r):
    t = "samsara_api_" + rs(r, AN, 30)
    return """\
Pulling vehicle GPS for our dispatch dashboard. Is pagination handled right here? We seem to get only the first 512 vehicles.

SAMSARA_TOKEN = "⟦t⟧"
url = "https://api.samsara.com/fleet/vehicles/stats?types=gps"
while url:
    resp = requests.get(url, headers={"Authorization": f"Bearer {SAMSARA_TOKEN}"}).json()
    rows.extend(resp["data"])
    url = resp["pagination"]["endCursor"] if resp["pagination"]["hasNextPage"] else None""", {"t": (t, "samsara_api_token")}


@T("telecom", "nl", "S", "password")
def tc_geotab_nl(r):
    p = pw(r, syms="!%+@")
    return """\
Ik wil met de mygeotab-bibliotheek elke nacht de ritten van onze bestelbussen exporteren naar Excel. Het inloggen lukt niet:

import mygeotab
api = mygeotab.API(username="planning@vanderlinde-transport.nl",
                   password="⟦p⟧",
                   database="vanderlinde_nl")
api.authenticate()

Foutmelding: "MyGeotabException: Incorrect login credentials". In de webinterface werkt dit wachtwoord wel. Moet ik de server my.geotab.com erbij opgeven?""", {"p": (p, "password")}


@T("telecom", "en", "S", "webfleet_api_key")
def tc_webfleet(r):
    p = pw(r, shape="rand", syms="")
    k = uuid4(r)
    return """\
Webfleet.connect returns errorCode 8011 "request quota reached" although we only poll every minute. Our URL:

https://csv.webfleet.com/extern?account=northline-haulage&username=api_dispatch&password=⟦p⟧&apikey=⟦k⟧&lang=en&action=showObjectReportExtern&outputformat=json

Is the quota per user or per account? Should I split the polling across two API users?""", {"p": (p, "password"), "k": (k, "webfleet_api_key")}


@T("telecom", "tr", "S", "password")
def tc_hostapd_tr(r):
    p = phrase(r, 3, r.choice([".", "-"])) + str(r.randint(10, 99))
    return """\
Fabrika sahasındaki el terminalleri için Raspberry Pi üzerinde bir erişim noktası kurdum ama cihazlar bağlanamıyor, "kimlik doğrulama hatası" diyor. hostapd.conf dosyam:

interface=wlan0
ssid=SAHA-TERMINAL
hw_mode=g
channel=6
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=⟦p⟧

Terminaller eski Android 7 cihazlar. Sorun CCMP olabilir mi?""", {"p": (p, "password")}


@T("telecom", "en", "S", "snmp_community")
def tc_cisco_community(r):
    c = rs(r, AN, 12) + r.choice(["!", ".", "_"]) + digits(r, 2)
    h = "$9$" + rs(r, B64U.replace("-", "."), 14) + "$" + rs(r, B64U.replace("-", ".").replace("_", "/"), 43)
    return """\
Please review this part of a Catalyst 9300 config before I push it to the cell-tower aggregation switches:

username netops privilege 15 secret 9 ⟦h⟧
!
ip access-list standard SNMP-NMS
 permit 10.90.4.0 0.0.0.255
!
snmp-server community ⟦c⟧ RW SNMP-NMS
snmp-server location SITE-0147 Hilltop
snmp-server host 10.90.4.12 version 2c ⟦c⟧

Is RW really needed for config backups via Oxidized?""", {"c": (c, "snmp_community"), "h": (h, None)}


@T("telecom", "it", "S", "password")
def tc_ont_it(r):
    ploam = rs(r, DI, 10)
    p = pw(r, syms="!#%")
    return """\
Devo sostituire l'ONT in fibra di un cliente business (GPON). Dal vecchio apparato ho recuperato questi dati dalla pagina di amministrazione:

Password PLOAM (registration ID): ⟦ploam⟧
Utente web: adminisp
Password web: ⟦p⟧
VLAN Internet: 835, PPPoE

Posso inserire lo stesso registration ID nel nuovo ONT Nokia o il provider deve riassociarlo dall'OLT?""", {"ploam": (ploam, "password"), "p": (p, "password")}


@T("telecom", "en", "S", "particle_access_token")
def tc_particle(r):
    t = rs(r, HEX, 40)
    return """\
Our Boron trackers publish every 10 minutes and I want to call a cloud function on one of them to change the interval:

curl https://api.particle.io/v1/devices/e00fce68a2b3c4d5e6f70812/setInterval \\
  -d access_token=⟦t⟧ \\
  -d arg="300"

Response: {"ok":false,"error":"Timed out."}. The device is breathing cyan. Is the cellular connection too slow for function calls?""", {"t": (t, "particle_access_token")}


# --- telecom negatives

@T("telecom", "en", "N", "identifier")
def tc_sim_ids(r):
    return """\
Can you put these SIMs into a CSV for the carrier's bulk activation form (columns ICCID, IMSI, device IMEI, site)?

Gateway A (pump station 4): ICCID 89882 28066 10031 4421, IMSI 901288003144217, IMEI 352656100418237
Gateway B (reservoir north): ICCID 89882 28066 10031 4439, IMSI 901288003144239, IMEI 352656100419045
Gateway C (treatment works): ICCID 89882 28066 10031 4447, IMSI 901288003144247, IMEI 352656100421173""", {}


@T("telecom", "de", "N", "out_of_band_notice")
def tc_fritz_oob_de(r):
    return """\
Mein Vater fragt, wie er auf seine FRITZ!Box kommt, um die Kindersicherung für die Enkel einzurichten. Ich habe ihm geschrieben: „Das Kennwort für die Benutzeroberfläche steht auf dem Aufkleber unten an der Box (FRITZ!Box-Kennwort), nicht das WLAN-Netzwerkschlüssel-Feld daneben.“ Kannst du mir eine ganz einfache Schritt-für-Schritt-Anleitung für ihn schreiben, mit http://fritz.box als Adresse?""", {}


@T("telecom", "en", "N", "default_credential")
def tc_snmp_default(r):
    return """\
Our auditor flagged "SNMP default community strings in use". Output from the scan:

10.12.0.5   snmp  v2c  community 'public'  (read)   sysDescr: RUGGEDCOM RSG2100
10.12.0.6   snmp  v2c  community 'public'  (read)   sysDescr: RUGGEDCOM RSG2100
10.12.0.9   snmp  v2c  community 'private' (write)  sysDescr: Moxa EDS-518E

The vendor manuals list public/private as factory defaults. Write me a remediation plan that moves these switches to SNMPv3.""", {}


@T("telecom", "it", "N", "password_hash")
def tc_mosq_passwd_it(r):
    rows = "\n".join("%s:$7$101$%s$%s" % (u, rs(r, B64, 16), rs(r, B64, 86) + "==")
                     for u in ("gw_linea1", "gw_linea2", "scada_ro"))
    return """\
Ho ereditato questo file passwd di Mosquitto e non so più quali account siano ancora usati. Il vecchio collega diceva che le password sono "criptate". È vero che non si possono recuperare?

⟦rows⟧

Voglio rigenerarlo con mosquitto_passwd -c per i tre utenti.""", {"rows": (rows, None)}


@T("telecom", "en", "N", "identifier")
def tc_lorawan_euis(r):
    return """\
Registering 3 new Dragino sensors in ChirpStack v4. Can you make me the bulk-import CSV (dev_eui, join_eui, name, device_profile)? The app keys are on the stickers and I'll type them in myself.

LHT65N #1: DevEUI A84041000181C2F4, JoinEUI A840410000000101
LHT65N #2: DevEUI A840410001822B07, JoinEUI A840410000000101
LDDS75:    DevEUI A8404100018D45E9, JoinEUI A840410000000101
Device profile: Dragino EU868 Class A""", {}


@T("telecom", "es", "N", "password_policy")
def tc_scada_policy_es(r):
    return """\
Necesito resumir la política de contraseñas de nuestro sistema SCADA para la auditoría de ciberseguridad (IEC 62443). Los puntos son:

- Contraseñas de operador: mínimo 12 caracteres, cambio cada 180 días
- Contraseñas de ingeniería: mínimo 16 caracteres, cambio cada 90 días, nunca compartidas
- Bloqueo tras 5 intentos fallidos, desbloqueo solo por el supervisor de turno
- Prohibido anotar contraseñas en el panel o en la consola del HMI

¿Puedes redactarlo en forma de tabla con la referencia al requisito de la norma?""", {}


@T("telecom", "en", "N", "password_hash")
def tc_cisco_secret9(r):
    h = "$9$" + rs(r, B64U.replace("-", "."), 14) + "$" + rs(r, B64U.replace("-", ".").replace("_", "/"), 43)
    return """\
Is this local fallback account line OK for our core routers, or should it be type 8?

username breakglass privilege 15 algorithm-type scrypt secret 9 ⟦h⟧

I generated it on a lab router and copied the config line; the actual password is in the sealed envelope in the NOC safe.""", {"h": (h, None)}


@T("telecom", "tr", "N", "default_credential")
def tc_plc_manual_tr(r):
    return """\
Yeni aldığımız operatör panelinin kılavuzunda şöyle yazıyor: "Cihazın web arayüzüne fabrika ayarlarıyla kullanıcı adı admin, şifre admin ile giriş yapılır. İlk girişte şifrenin değiştirilmesi zorunludur." Bunu bakım ekibine bir eğitim notu olarak anlatmak istiyorum: varsayılan şifrenin neden hemen değiştirilmesi gerektiğini ve yeni şifrenin nerede saklanacağını (bakım şefindeki kasa) anlatan kısa bir metin yazar mısın?""", {}


@T("telecom", "en", "N", "no_credential")
def tc_modbus_map(r):
    return """\
Help me decode this Modbus register map from a heat meter gateway. I read holding registers 40001-40010 with function code 03, unit id 3:

40001: 0x0001  (status)
40002: 0x4B2C  40003: 0x0001  (energy, 32-bit)
40004: 0x0BB8  (flow l/h)
40005: 0x01F4  (supply temp x10)
40006: 0x0177  (return temp x10)
40007-40010: 0x0000

Which word order makes the energy value sensible?""", {}


@T("telecom", "pt", "N", "password_prompt")
def tc_router_prompt_pt(r):
    return """\
Quando tento acessar 192.168.1.1 no roteador da operadora, aparece esta tela e não sei o que digitar:

  Bem-vindo
  Digite a senha do administrador para continuar
  [ Usuário: ________ ]  [ Senha: ________ ]
  Atenção: após 3 tentativas erradas o acesso será bloqueado por 10 minutos.

A operadora diz que o acesso é só para técnicos. Tenho direito de pedir a senha? Quero só mudar o nome da rede Wi-Fi.""", {}


@T("telecom", "en", "N", "secret_reference")
def tc_samsara_env(r):
    return """\
Code review: our telematics poller reads the token like this. Any problem with using it in a systemd unit?

[Service]
EnvironmentFile=/etc/fleet-poller/env
ExecStart=/usr/local/bin/fleet-poller --interval 60

and the script does:
curl -sf -H "Authorization: Bearer ${SAMSARA_API_TOKEN:?missing token}" https://api.samsara.com/fleet/vehicles/locations

/etc/fleet-poller/env is root:root 0600.""", {}


@T("telecom", "fr", "N", "encrypted_blob")
def tc_nodered_cred_fr(r):
    blob = rs(r, HEX, 32) + b64_of(r, 96)
    return """\
Sur notre Raspberry Pi d'atelier, Node-RED a planté après une mise à jour et je n'ai plus les identifiants MQTT. Le fichier flows_cred.json contient seulement ça :

{"$":"⟦blob⟧"}

et settings.js n'a pas de credentialSecret défini. Est-ce que je peux retrouver le mot de passe du broker à partir de ce fichier, ou faut-il le redéfinir ?""", {"blob": (blob, None)}


@T("telecom", "en", "N", "checksum")
def tc_fw_checksum(r):
    h = rs(r, HEX, 64)
    return """\
Before flashing the new PLC firmware I want to verify the download. Vendor page says:

CPU 1515-2 PN, firmware V3.1.2
File: 6ES7515-2AN03-0AB0_V03.01.02.upd
SHA-256: ⟦h⟧

What's the PowerShell command to compare that on the engineering laptop?""", {"h": (h, None)}


@T("telecom", "nl", "N", "redacted")
def tc_router_backup_nl(r):
    return """\
Ik vergelijk twee configuratieback-ups van onze 4G-router (Teltonika RUT955) op de pompgemalen. In de export staat:

config interface 'mob1s1a1'
	option proto 'wwan'
	option apn 'iot.telecom.nl'
	option username 'gemaal07'
	option password '********'
	option pincode '****'

Waarom is het wachtwoord gemaskeerd? Kan ik deze back-up zomaar terugzetten op een nieuwe router?""", {}


@T("telecom", "en", "N", "serial_number")
def tc_nms_serials(r):
    return """\
Inventory export from our NMS. Can you flag which units are past end-of-support (anything with firmware older than 7.x)?

hostname         model          serial        MAC                 firmware
sub-07-rtu       SEL-3530       3530148802    %s   R145
sub-07-sw1       RSG2300        RUG-2300-7731 %s   5.6.2
sub-09-gw        Moxa MGate     TAKBB1041223  %s   7.3.0""" % (mac(r), mac(r), mac(r)), {}


@T("telecom", "de", "N", "secret_reference")
def tc_hostapd_file_de(r):
    return """\
Für das Lager-WLAN möchte ich pro Scanner einen eigenen Schlüssel vergeben. Ist das so richtig?

interface=wlan0
ssid=LAGER-SCAN
wpa=2
wpa_key_mgmt=WPA-PSK
wpa_psk_file=/etc/hostapd/hostapd.wpa_psk

In der Datei hostapd.wpa_psk steht pro Zeile MAC-Adresse und Schlüssel. Die Datei gehört root und hat Rechte 600. Wie lade ich Änderungen, ohne dass alle Scanner rausfliegen?""", {}


@T("telecom", "en", "N", "masked_key")
def tc_ttn_masked(r):
    return """\
In The Things Stack console the API keys list for our application shows:

Name                  ID                        Rights        Key
ha-integration        ⟦a⟧    Read uplinks  NNSXS.⟦pa⟧...
node-red-downlink     ⟦b⟧    All rights    NNSXS.⟦pb⟧...

Which one should I delete if the Home Assistant box was stolen, and will the other keep working?""", {"a": (rs(r, UP + "234567", 20), None), "b": (rs(r, UP + "234567", 20), None),
        "pa": (rs(r, UP + "234567", 6), None), "pb": (rs(r, UP + "234567", 6), None)}


@T("telecom", "en", "N", "security_advice")
def tc_hmi_advice(r):
    return """\
I'm presenting to our plant managers next week. Could you tighten these bullets on OT password hygiene?

- Every HMI and engineering station gets its own account; no shared "operator" login across lines
- Change vendor defaults on PLCs, switches and gateways during commissioning, not "later"
- Keep engineering passwords in the OT password vault, never taped to the cabinet door
- Remote access for integrators only through the jump host with MFA and session recording
- Review accounts after every contractor leaves""", {}


@T("telecom", "en", "N", "rotation_notice")
def tc_snmp_rotation(r):
    return """\
Reword this for the NOC channel so it's clear and calm: "The SNMP v2c community on all distribution switches was changed last night during CHG-20931. Zabbix and Oxidized are updated. If you have your own scripts polling these switches, get the new string from KeePass → Network → SNMP (entry 'dist-switch RO'). Do not paste it in tickets.\"""", {}


@T("telecom", "en", "N", "wifi_ssid")
def tc_ssid_list(r):
    return """\
Visitors at our substation training centre keep joining the wrong Wi-Fi. The networks are:

TRN-GUEST      open, captive portal with daily voucher from reception
TRN-STAFF      WPA2-Enterprise (your AD login)
OT-LAB-ISOL    hidden, for the lab PLCs only, not for visitors

Can you write a small sign for the reception desk explaining which one to pick?""", {}

# ==========================================================================
# group: office — ordinary office workers in chat

@T("office", "en", "S", "password")
def of_pw_in_sentence(r):
    p = pw(r, shape=r.choice(["ws", "ww", "leet"]))
    return """\
IT says my new password has to be "strong" and the portal keeps rejecting it without saying why. Can you tell me if ⟦p⟧ meets a normal corporate policy (12+ characters, upper, lower, number, symbol) or what's wrong with it?""", {"p": (p, "password")}


@T("office", "en", "S", "password")
def of_pw_sentence_before(r):
    p = pw(r, shape=r.choice(["ww", "ws", "kb"]))
    return """\
Can you make this message to the social media team sound friendlier? Here's my draft:

Hi all, I changed the password of the shared Canva account this morning because the old one was in too many browsers. Here it is:

⟦p⟧

Please log out on any personal devices and don't save it in Chrome. Thanks, Priya""", {"p": (p, "password")}


@T("office", "en", "S", "security_answer")
def of_memorable_word(r):
    w = r.choice(["buttercup", "Aberystwyth", "marmalade", "penzance", "Rhubarb", "tangerine", "Skegness"]) + (str(r.randint(1, 9)) if r.random() < 0.3 else "")
    return """\
My online banking keeps asking for "characters 2, 5 and 7 of your memorable word" and I always miscount. My memorable word is ⟦w⟧. Which letters are those? Then I'll type them in myself.""", {"w": (w, "security_answer")}


@T("office", "en", "S", "security_answer")
def of_security_question(r):
    a = r.choice(["Mrs Pendleton", "Biscuit the hamster", "Ravensworth Primary", "Captain Fluff", "Gorseinon"])
    return """\
Setting up my account on the new HR portal. It made me pick a security question and I chose "What was the name of your first pet?" and typed ⟦a⟧ as the answer. Now it says answers must be "at least 6 characters, letters only". Is the space the problem? What should I change it to?""", {"a": (a, "security_answer")}


@T("office", "en", "S", "one_time_code")
def of_otp_readout(r):
    c = digits(r, 3) + " " + rs(r, DI, 3)
    return """\
I'm trying to log into the supplier portal and the verification code they texted me is ⟦c⟧, but when I type it the box only accepts 5 digits?? Do I leave out the space or a digit? I have about 8 minutes before it expires.""", {"c": (c, "one_time_code")}


@T("office", "en", "S", "google_app_password")
def of_google_app_pw(r):
    p = " ".join(rs(r, LO, 4) for _ in range(4))
    return """\
Our office scanner (Brother MFC) needs to send scans to Gmail. I made an app password like the guide said and got this:

⟦p⟧

In the scanner's SMTP settings do I type it with or without the spaces? Server smtp.gmail.com, port 587, user scans.frontdesk@gmail.com.""", {"p": (p, "google_app_password")}


@T("office", "en", "S", "password")
def of_team_chat_shared(r):
    p = pw(r, syms="!#%&*?")
    return """\
Can you summarise this Teams thread for my manager? Leave out the jokes.

[09:12] Tom: anyone have the login for the LinkedIn recruiter seat?
[09:13] Aisha: it's recruiting@harbourlane.co.uk / ⟦p⟧
[09:13] Aisha: don't change it, the agency uses it too
[09:20] Tom: in, thanks. 14 new applicants for the warehouse role
[09:41] Aisha: shortlist by Thursday pls""", {"p": (p, "password")}


@T("office", "en", "S", "password")
def of_guest_wifi_card(r):
    p = phrase(r, 3, "") if r.random() < 0.5 else pw(r, shape="ww")
    return """\
Please design a simple, friendly A5 sign for our meeting rooms with the guest Wi-Fi details:

Network: Brightwell-Guest
Password: ⟦p⟧
Valid until 31 December. For problems call reception on ext. 200.

Maybe with a small Wi-Fi icon and our green brand colour.""", {"p": (p, "password")}


@T("office", "de", "S", "password")
def of_pw_sentence_de(r):
    p = pw(r, shape=r.choice(["ws", "na", "ww"]))
    return """\
Kannst du mir helfen, eine kurze E-Mail an die neue Kollegin zu schreiben? Sie soll sich morgen am Empfangs-PC anmelden, Benutzername ist empfang.buero und das Passwort ist ⟦p⟧, das soll sie beim ersten Login ändern. Außerdem soll sie wissen, dass die Telefonanlage um 8 Uhr automatisch von der Nachtschaltung umschaltet.""", {"p": (p, "password")}


@T("office", "fr", "S", "password")
def of_pw_before_fr(r):
    p = pw(r, shape=r.choice(["ws", "ww"]))
    return """\
Peux-tu corriger les fautes dans ce message avant que je l'envoie à l'équipe compta ?

« Bonjour à tous, suite au départ de Karine, j'ai changé le mot de passe de la boîte partagée factures@ ce matin. Le nouveau, c'est celui-ci :
⟦p⟧
Merci de le mettre à jour sur vos téléphones, l'ancien ne marche plus depuis 9h. Bonne journée, Mathieu »""", {"p": (p, "password")}


@T("office", "es", "S", "one_time_code")
def of_otp_es(r):
    c = digits(r, 6)
    return """\
Ayúdame rápido: estoy en la web de la aseguradora para descargar el certificado del coche de empresa y me pide el código de verificación. El SMS dice "Tu código es ⟦c⟧, válido 5 minutos. No lo compartas con nadie." Lo pongo y me dice "código incorrecto". ¿Puede ser que haya pedido dos códigos y solo valga el último?""", {"c": (c, "one_time_code")}


@T("office", "it", "S", "password")
def of_wifi_ospiti_it(r):
    p = pw(r, shape=r.choice(["ww", "ws"]), syms="!#*")
    return """\
Mi scrivi un messaggio WhatsApp cortese per i clienti che arrivano domani al corso di formazione? Deve dire: parcheggio nel cortile interno, ingresso dalla porta B, Wi-Fi ospiti "Studio-Ferrari-Ospiti" con password ⟦p⟧, pranzo alle 13 nella sala al primo piano.""", {"p": (p, "password")}


@T("office", "nl", "S", "microsoft_app_password")
def of_ms_app_pw_nl(r):
    p = rs(r, LO, 16)
    return """\
Onze oude boekhoudsoftware kan geen tweestapsverificatie aan, dus ik heb voor mijn Microsoft-account een app-wachtwoord gemaakt. Dit kreeg ik:

⟦p⟧

Vul ik dit in bij "wachtwoord" in de SMTP-instellingen van het programma, met smtp.office365.com en poort 587? Of moet mijn normale wachtwoord er ook nog ergens in?""", {"p": (p, "microsoft_app_password")}


@T("office", "pl", "S", "password")
def of_shared_account_pl(r):
    p = pw(r, syms="!#*")
    return """\
Możesz to ładnie sformatować jako instrukcję dla nowych stażystów? Treść:

Konto wspólne do Allegro (panel sprzedawcy): login sklep.zielonaszafa, hasło ⟦p⟧. Nie zmieniamy hasła samodzielnie, kod SMS przychodzi na telefon biurowy w szufladzie recepcji. Zamówienia pakujemy do 14:00, kurier przyjeżdża o 15:30.""", {"p": (p, "password")}


@T("office", "sv", "S", "pin")
def of_printer_pin_sv(r):
    p = digits(r, 5)
    return """\
Kan du skriva en kort instruktion till nyanställda om hur man skriver ut på kontorets kopiator? Så här funkar det: skicka utskriften till "Kopiator-Plan3", gå till maskinen, tryck på "Säker utskrift" och ange din personliga kod. Min kod är ⟦p⟧ om du vill använda den som exempel i bilden, men skriv gärna "12345" i texten istället.""", {"p": (p, "pin")}


@T("office", "tr", "S", "security_answer")
def of_security_answer_tr(r):
    a = r.choice(["Karabaş", "Boncuk", "Pamuk", "Zeytin", "Tarçın"])
    return """\
Bankanın müşteri hizmetleri beni aradı ve güvenlik sorumu sordu, cevabı hatırlayamadım. Şimdi internet şubesinde güvenlik sorusu "İlk evcil hayvanınızın adı nedir?" ve benim girdiğim cevap ⟦a⟧ olarak görünüyor (yıldızlı değil, açık yazıyor). Bu normal mi, bankaya bildirmeli miyim?""", {"a": (a, "security_answer")}


@T("office", "ja", "S", "password")
def of_pw_ja(r):
    p = pw(r, shape=r.choice(["ws", "kb", "leet"]), syms="!#%")
    return """\
来週から産休に入る同僚への引き継ぎメモを整えてください。

・経費精算システム（楽楽精算）の承認代理は田中さんに設定済み
・共有の請求書メールボックスのパスワードは ⟦p⟧ です（変更しないでください）
・毎月25日の振込データ作成は、前日までに部長の承認が必要
・わからないことは総務の内線 2214 まで""", {"p": (p, "password")}


@T("office", "zh", "S", "lark_app_secret")
def of_lark_zh(r):
    aid = "cli_" + rs(r, HEX, 16)
    sec = rs(r, AN, 32)
    return """\
我想做一个飞书机器人，每天早上把销售日报发到群里。开放平台上创建了应用，拿到：

App ID：⟦aid⟧
App Secret：⟦sec⟧

用 Python 怎么获取 tenant_access_token，然后给群发消息？我不是程序员，请写得简单一点。""", {"sec": (sec, "lark_app_secret"), "aid": (aid, None)}


@T("office", "ko", "S", "one_time_code")
def of_otp_ko(r):
    c = digits(r, 6)
    return """\
회사 메일에 처음 로그인하는데 휴대폰으로 "[Web발신] 인증번호 [⟦c⟧]를 입력해주세요" 라고 왔어요. 입력했는데 "인증 시간이 초과되었습니다" 라고 나와요. 3분 안에 넣었는데 왜 그럴까요? 다시 받으면 번호가 바뀌나요?""", {"c": (c, "one_time_code")}


@T("office", "en", "S", "totp_secret")
def of_totp_seed(r):
    s = " ".join(rs(r, UP + "234567", 4) for _ in range(8))
    return """\
Our company is making everyone use Microsoft Authenticator but my phone's camera is broken, so I chose "Can't scan image?" and it shows:

Account name: finance.ops@kestrelhomes.co.uk
Secret key: ⟦s⟧

Can I put this into the authenticator app on my old iPad instead? Does it need the spaces?""", {"s": (s, "totp_secret")}


@T("office", "en", "S", "notion_token")
def of_notion_token(r):
    t = "ntn_" + rs(r, DI, 11) + rs(r, AN, 35)
    return """\
I'm not a developer, I followed a YouTube video to sync our Notion "Leave requests" database to Google Sheets with Apps Script. It says "API token is invalid". My script starts like:

const NOTION_TOKEN = "⟦t⟧";
const DATABASE_ID = "1f4c2e9ab07d4e3c8b56d1a2f9e0c7b4";

I did share the database with the integration. What else could be wrong?""", {"t": (t, "notion_token")}


@T("office", "en", "S", "passphrase")
def of_wifi_passphrase_words(r):
    p = phrase(r, 4, " ")
    return """\
Our office manager wants the staff Wi-Fi password to be something people can actually remember, so she set it to "⟦p⟧" (all lowercase with spaces). Some older laptops refuse to connect. Can WPA2 passwords contain spaces, or is that the issue?""", {"p": (p, "passphrase")}


# --- office negatives

@T("office", "en", "N", "reset_notice")
def of_forgot_pw(r):
    return """\
I forgot my password for the expenses app (Concur) and clicked "Forgot password" three times this morning. No e-mail has arrived, not even in junk. My username is my work e-mail. Who do I contact, and is there anything I can try myself before raising a ticket?""", {}


@T("office", "en", "N", "password_policy")
def of_policy(r):
    return """\
Please rewrite this password policy from IT in plain English for our staff newsletter:

"All user credentials shall comprise a minimum of fourteen (14) characters. Passphrases are encouraged. Credentials shall not be reused across the last ten (10) iterations. Multi-factor authentication is mandatory for remote access. Credentials must not be disclosed to any party, including IT personnel.\"""", {}


@T("office", "en", "N", "out_of_band_notice")
def of_sticky_note(r):
    return """\
Can you reply to my colleague for me, politely? She asked in the group chat for the login to the shared DHL account. I want to say that I won't post passwords in the chat, the login is in our team's Keeper folder "Shipping", and if she doesn't have access yet I can read it to her on the phone after lunch.""", {}


@T("office", "en", "N", "password_hint")
def of_hint(r):
    return """\
I'm locked out of the old office laptop (Windows 10). The password hint says "usual one + dog + year we moved". I've tried the obvious combinations. Is there a way for IT to reset a local account without losing the files on the desktop?""", {}


@T("office", "en", "N", "redacted")
def of_masked_screen(r):
    return """\
Copying what my screen shows in the Outlook account settings, it won't send e-mail:

Account type: IMAP
Incoming mail server: mail.fernhillclinic.co.uk
Outgoing mail server (SMTP): mail.fernhillclinic.co.uk
User name: reception@fernhillclinic.co.uk
Password: ••••••••••
Remember password: ✓
Outgoing server requires authentication: ☐

What setting am I missing?""", {}


@T("office", "en", "N", "security_advice")
def of_never_share_code(r):
    return """\
Got this text and I'm not sure if it's real: "Santander: Someone is trying to add a new device to your account. If this wasn't you, call 0161 496 0732 immediately. We will never ask you for your one-time passcode." Should I call that number? It doesn't match the number on my card.""", {}


@T("office", "en", "N", "wifi_ssid")
def of_open_wifi(r):
    return """\
For the client workshop next week, write a welcome e-mail. Key info: room "Harbour" on 4th floor, starts 9:30, lunch provided, Wi-Fi network "Meridian-Visitor" is open (no password, just accept the terms on the splash page), nearest parking at Q-Park Wellington Street.""", {}


@T("office", "en", "N", "rotation_notice")
def of_rotation(r):
    return """\
Can you make this sound less robotic? "Reminder: the password for the shared accounts@ mailbox will be changed on Monday 1 December at 08:00 as part of the quarterly rotation. The new password will be shared via Bitwarden Send to each team member individually. Please do not ask for it by e-mail or chat.\"""", {}


@T("office", "de", "N", "password_prompt")
def of_outlook_prompt_de(r):
    return """\
Seit heute früh kommt in Outlook ständig dieses Fenster und ich weiß nicht, ob das echt ist:

Windows-Sicherheit
Microsoft Outlook
Verbindung mit anna.becker@weberbau.de wird hergestellt
Kennwort: [            ]
☐ Anmeldedaten speichern
[OK] [Abbrechen]

Soll ich mein Kennwort eingeben? Die IT ist erst ab 10 Uhr erreichbar.""", {}


@T("office", "fr", "N", "placeholder")
def of_placeholder_fr(r):
    return """\
Je prépare un modèle de mail d'accueil pour les nouveaux arrivants. Est-ce que c'est clair ?

Bonjour [Prénom],
Bienvenue chez nous ! Voici tes accès :
- Identifiant : [prenom.nom]
- Mot de passe provisoire : [communiqué par téléphone le jour J]
- Badge : à récupérer à l'accueil
Merci de changer ton mot de passe dès la première connexion.

Tu peux améliorer le ton ?""", {}


@T("office", "es", "N", "identifier")
def of_tracking_es(r):
    return """\
Tengo que reclamar un envío que no llegó. Ayúdame a escribir el correo a la empresa de mensajería con estos datos:

Número de seguimiento: 1Z 4F9 27W 68 1204 5538
Número de pedido: PED-2026-118734
Referencia de cliente: 66021-B
Fecha de envío: 18/11/2026

El paquete contiene dos monitores para la oficina de Valencia.""", {}


@T("office", "en", "N", "username")
def of_employee_ids(r):
    return """\
Can you turn this into a table for the onboarding checklist? New starters this month:

Giulia Rossi — employee no. 40117, username grossi, badge 0049 3311
Ben Okafor — employee no. 40118, username bokafor, badge 0049 3312
Hana Sato — employee no. 40121, username hsato, badge 0049 3315

They all start on 1 December, laptops from Jamie.""", {}


@T("office", "nl", "N", "no_credential")
def of_phishing_nl(r):
    return """\
Ik kreeg deze mail, is dit phishing?

"Beste medewerker, uw wachtwoord verloopt vandaag. Klik op onderstaande link om uw huidige wachtwoord te behouden: https://office365-wachtwoord-behouden.com/login. Met vriendelijke groet, IT Servicedesk"

De afzender is servicedesk@0ffice-support.nl. Wat moet ik doen, en moet ik het doorsturen naar onze eigen IT?""", {}


@T("office", "pl", "N", "secret_reference")
def of_bitwarden_pl(r):
    return """\
Pomóż mi odpisać koledze z działu marketingu. Pyta o hasło do konta firmowego na Canvie. Chcę napisać, że hasło jest w Bitwardenie w kolekcji „Marketing – konta wspólne”, pozycja „Canva Teams”, i że jeśli nie widzi tej kolekcji, to musi poprosić Kasię o dodanie do grupy. Ma brzmieć uprzejmie, ale krótko.""", {}


@T("office", "sv", "N", "reset_notice")
def of_reset_sv(r):
    return """\
Kan du hjälpa mig formulera ett svar till en kollega? Hon har blivit utelåst från lönesystemet efter för många felaktiga försök. Jag vill skriva att jag inte kan se eller skicka hennes lösenord, att hon ska ringa IT-supporten på 08-555 123 40 för att få en återställningslänk, och att länken bara gäller i 30 minuter.""", {}


@T("office", "tr", "N", "password_policy")
def of_policy_error_tr(r):
    return """\
Yeni muhasebe programına kayıt olurken şu hatayı alıyorum:

"Şifreniz en az 10 karakter olmalı, en az bir büyük harf, bir rakam ve bir özel karakter (!@#$%) içermeli ve son 5 şifrenizden farklı olmalıdır."

Akılda kalıcı ama bu kurallara uyan bir şifre nasıl oluşturabilirim? Bana şifre önermene gerek yok, sadece yöntem anlat.""", {}


@T("office", "ja", "N", "no_credential")
def of_sms_ja(r):
    return """\
取引先のポータルにログインしようとすると「ご登録の携帯電話番号にSMSで認証コードを送信しました。コードの有効期限は10分です。」と表示されますが、SMSが届きません。社用スマホは迷惑メッセージのフィルターがオンになっています。設定のどこを確認すればいいですか？""", {}


@T("office", "ko", "N", "password_hint")
def of_hint_ko(r):
    return """\
예전에 쓰던 회사 공용 노트북 비밀번호가 기억이 안 나요. 비밀번호 힌트에는 "창립일 + 사무실 호수" 라고 되어 있어요. 창립일은 아는데 예전 사무실 호수가 몇 호였는지 모르겠네요. IT 담당자에게 초기화를 요청하는 메시지를 정중하게 써 주세요.""", {}

# ==========================================================================
# group: finance — finance back office

@T("finance", "en", "S", "password")
def fi_swift_handover(r):
    p = pw(r, shape=r.choice(["rand", "ws"]), syms="!#%*")
    return """\
Please turn my notes into a proper handover document for the treasury analyst covering my leave:

- SWIFT Alliance Lite2: log in with the USB token in the safe (token PIN on the envelope in the safe, not here)
- Bank portal (Standard Chartered Straight2Bank) user TRSY_OPS2, password ⟦p⟧ — second approver is Rahul
- Daily cash position to CFO by 10:00
- MT940 statements arrive at 07:30, reconcile in Kyriba before 09:00""", {"p": (p, "password")}


@T("finance", "en", "S", "plaid_secret")
def fi_plaid(r):
    cid = rs(r, HEX, 24)
    sec = rs(r, HEX, 30)
    return """\
Our AP automation pulls bank transactions through Plaid. After moving from development to production we get INVALID_API_KEYS:

PLAID_ENV=production
PLAID_CLIENT_ID=⟦cid⟧
PLAID_SECRET=⟦sec⟧
PLAID_PRODUCTS=transactions,auth
PLAID_COUNTRY_CODES=US,CA

Is the production secret different from the development one even for the same client_id?""", {"sec": (sec, "plaid_secret"), "cid": (cid, None)}


@T("finance", "es", "S", "mercadopago_access_token")
def fi_mercadopago_es(r):
    t = "APP_USR-%s-%s-%s-%s" % (digits(r, 16), rs(r, DI, 6), rs(r, HEX, 32), digits(r, 9))
    return """\
Hola, en la tienda usamos Mercado Pago (Argentina) y quiero consultar los pagos del día desde una planilla para la conciliación. Probé esto y responde 401 "invalid access token":

curl -X GET "https://api.mercadopago.com/v1/payments/search?sort=date_created&criteria=desc&range=date_created&begin_date=NOW-1DAYS&end_date=NOW" \\
  -H "Authorization: Bearer ⟦t⟧"

El token lo copié de Tus integraciones → Credenciales de producción. ¿Hace falta activar las credenciales antes?""", {"t": (t, "mercadopago_access_token")}


@T("finance", "pt", "S", "pagseguro_token")
def fi_pagseguro_pt(r):
    t = rs(r, HEXU, 32)
    return """\
Bom dia! O financeiro precisa conferir as transações do PagSeguro no fim do mês e eu montei esta consulta, mas volta "Unauthorized":

https://ws.pagseguro.uol.com.br/v3/transactions?email=financeiro@casadosolbrinquedos.com.br&token=⟦t⟧&initialDate=2026-11-01T00:00&finalDate=2026-11-26T23:59&page=1&maxPageResults=100

Esse token é o que aparece em "Integrações → Token de segurança". A API v3 ainda funciona ou preciso migrar para a API do PagBank?""", {"t": (t, "pagseguro_token")}


@T("finance", "es", "S", "wompi_private_key")
def fi_wompi_es(r):
    prv = "prv_prod_" + rs(r, AN, 32)
    pub = "pub_prod_" + rs(r, AN, 32)
    return """\
Estoy conectando el ERP con Wompi (Colombia) para consultar el estado de las transacciones. En el .env del servidor tengo:

WOMPI_PUBLIC_KEY=⟦pub⟧
WOMPI_PRIVATE_KEY=⟦prv⟧
WOMPI_BASE_URL=https://production.wompi.co/v1

La consulta GET /transactions/{id} con la llave privada devuelve 404 para pagos con PSE. ¿Es porque el id de transacción no es el mismo que la referencia?""", {"prv": (prv, "wompi_private_key"), "pub": (pub, None)}


@T("finance", "en", "S", "paystack_secret_key")
def fi_paystack(r):
    k = "sk_live_" + rs(r, HEX, 40)
    return """\
We reconcile Paystack settlements into our accounting system every night. The script returns {"status": false, "message": "Invalid key"}:

import requests
r = requests.get("https://api.paystack.co/settlement?from=2026-11-01&to=2026-11-26",
                 headers={"Authorization": "Bearer ⟦k⟧"})
print(r.json())

The key was copied from Settings → API Keys & Webhooks by our Lagos office this morning.""", {"k": (k, "paystack_secret_key")}


@T("finance", "sw", "S", "flutterwave_secret_key")
def fi_flutterwave_sw(r):
    k = "FLWSECK-" + rs(r, HEX, 32) + "-X"
    return """\
Habari, tunajaribu kuunganisha malipo ya Flutterwave kwenye mfumo wetu wa ankara, lakini tunapata kosa "Invalid authorization key". Hiki ndicho kipande cha msimbo:

const res = await fetch("https://api.flutterwave.com/v3/transactions?from=2026-11-01&to=2026-11-26", {
  headers: { Authorization: "Bearer ⟦k⟧" }
});

Ufunguo huu wa siri tuliuchukua kwenye dashibodi, sehemu ya Settings → API Keys. Je, tatizo ni kwamba akaunti bado iko kwenye hali ya majaribio?""", {"k": (k, "flutterwave_secret_key")}


@T("finance", "en", "S", "mtn_momo_api_key")
def fi_mtn_momo(r):
    sub = rs(r, HEX, 32)
    user = uuid4(r)
    key = rs(r, HEX, 32)
    return """\
Collections with MTN MoMo (Uganda) — token request fails with 401 "Access denied due to invalid subscription key". Postman export:

POST https://proxy.momoapi.mtn.com/collection/token/
Ocp-Apim-Subscription-Key: ⟦sub⟧
Authorization: Basic base64(⟦user⟧:⟦key⟧)
X-Target-Environment: mtnuganda

The API user and API key were issued by MTN's onboarding team after go-live. Is the subscription key the primary key from the Collections product?""", {"sub": (sub, "mtn_momo_subscription_key"), "key": (key, "mtn_momo_api_key"), "user": (user, None)}


@T("finance", "hi", "S", "razorpay_key_secret")
def fi_razorpay_hi(r):
    kid = "rzp_live_" + rs(r, AN, 14)
    sec = rs(r, AN, 24)
    return """\
नमस्ते, हमारी अकाउंट्स टीम को हर महीने Razorpay के settlements की रिपोर्ट Excel में चाहिए। मैंने यह Python स्क्रिप्ट लिखी है, लेकिन "Authentication failed" आ रहा है:

import razorpay
client = razorpay.Client(auth=("⟦kid⟧", "⟦sec⟧"))
settlements = client.settlement.all({"count": 100})

Key ID और Key Secret दोनों Dashboard → Account & Settings → API Keys से लिए हैं। क्या live mode में keys दोबारा generate करनी पड़ेंगी?""", {"sec": (sec, "razorpay_key_secret"), "kid": (kid, None)}


@T("finance", "en", "S", "cashfree_client_secret")
def fi_cashfree(r):
    cid = digits(r, 6) + rs(r, HEX, 26)
    sec = "cfsk_ma_prod_" + rs(r, HEX, 32) + "_" + rs(r, HEX, 8)
    return """\
Cashfree payouts: our vendor-payment script gets "authentication Failed" from the v1 authorize endpoint.

curl -X POST https://payout-api.cashfree.com/payout/v1/authorize \\
  -H "X-Client-Id: ⟦cid⟧" \\
  -H "X-Client-Secret: ⟦sec⟧"

Our server IP 13.232.41.77 is whitelisted. Do payouts need a signature (public key) instead of IP whitelisting now?""", {"sec": (sec, "cashfree_client_secret"), "cid": (cid, None)}


@T("finance", "id", "S", "midtrans_server_key")
def fi_midtrans_id(r):
    k = "Mid-server-" + rs(r, B64U, 24)
    return """\
Halo, tim keuangan ingin mengecek status pembayaran pelanggan lewat API Midtrans, tapi hasilnya selalu 401. Kode yang saya pakai:

import base64, requests
server_key = "⟦k⟧"
auth = base64.b64encode((server_key + ":").encode()).decode()
r = requests.get("https://api.midtrans.com/v2/INV-2026-11-0457/status",
                 headers={"Authorization": "Basic " + auth, "Accept": "application/json"})

Kunci server ini dari menu Settings → Access Keys di dashboard produksi. Apakah titik dua di akhir memang perlu?""", {"k": (k, "midtrans_server_key")}


@T("finance", "en", "S", "xendit_secret_key")
def fi_xendit(r):
    k = "xnd_production_" + rs(r, AN, 60)
    return """\
Generating disbursements in the Philippines with Xendit, the batch call returns "API_VALIDATION_ERROR". Node snippet:

const x = new Xendit({ secretKey: "⟦k⟧" });
const { Disbursement } = x;
await new Disbursement({}).createBatch({
  reference: "payroll-2026-11-b2",
  disbursements: rows.map(r => ({ amount: r.amount, bankCode: r.bank, bankAccountName: r.name,
    bankAccountNumber: r.account, description: "Nov payroll", externalID: r.ref })),
});

Is bankCode "BPI" valid or should it be "PH_BPI"?""", {"k": (k, "xendit_secret_key")}


@T("finance", "vi", "S", "vnpay_hash_secret")
def fi_vnpay_vi(r):
    tmn = rs(r, UP + DI, 8)
    sec = rs(r, UP, 32)
    return """\
Chào bạn, mình đang tích hợp cổng VNPAY cho website bán hàng và luôn bị lỗi "Sai chữ ký" (mã 97) khi thanh toán. Cấu hình trong appsettings.json:

"VnPay": {
  "TmnCode": "⟦tmn⟧",
  "HashSecret": "⟦sec⟧",
  "BaseUrl": "https://pay.vnpay.vn/vpcpay.html",
  "ReturnUrl": "https://cuahangmai.vn/thanh-toan/ket-qua"
}

Mình tạo chữ ký bằng HMAC-SHA512 trên chuỗi tham số đã sắp xếp. Có phải phải URL-encode giá trị trước khi ký không?""", {"sec": (sec, "vnpay_hash_secret"), "tmn": (tmn, None)}


@T("finance", "en", "S", "omise_secret_key")
def fi_omise(r):
    pk = "pkey_" + rs(r, LO + DI, 19)
    sk = "skey_" + rs(r, LO + DI, 19)
    return """\
Our Bangkok subsidiary uses Omise for card payments. I need a monthly CSV of charges for the auditors. Does this pagination look right?

OMISE_PUBLIC_KEY = "⟦pk⟧"
OMISE_SECRET_KEY = "⟦sk⟧"
offset = 0
while True:
    resp = requests.get("https://api.omise.co/charges", auth=(OMISE_SECRET_KEY, ""),
                        params={"from": "2026-11-01", "to": "2026-11-30", "limit": 100, "offset": offset}).json()
    ...""", {"sk": (sk, "omise_secret_key"), "pk": (pk, None)}


@T("finance", "en", "S", "xero_client_secret")
def fi_xero(r):
    cid = rs(r, HEXU, 32)
    sec = rs(r, B64U, 48)
    return """\
I'm building a Power Automate flow that pushes approved supplier bills into Xero. The custom connector's OAuth settings:

Client ID: ⟦cid⟧
Client secret: ⟦sec⟧
Authorization URL: https://login.xero.com/identity/connect/authorize
Token URL: https://identity.xero.com/connect/token
Scope: openid profile email accounting.transactions offline_access

After connecting it says "unauthorized_client". Redirect URI is the one Power Automate shows.""", {"sec": (sec, "xero_client_secret"), "cid": (cid, None)}


@T("finance", "fr", "S", "zoho_refresh_token")
def fi_zoho_fr(r):
    t = "1000." + rs(r, HEX, 32) + "." + rs(r, HEX, 32)
    cid = "1000." + rs(r, UP + DI, 30)
    return """\
Bonjour, notre cabinet utilise Zoho Books (centre de données UE). Le script qui exporte les factures impayées chaque lundi renvoie « invalid_code » lors du rafraîchissement du jeton :

curl -X POST "https://accounts.zoho.eu/oauth/v2/token" \\
  -d "refresh_token=⟦t⟧" \\
  -d "client_id=⟦cid⟧" \\
  -d "client_secret=$ZOHO_CLIENT_SECRET" \\
  -d "grant_type=refresh_token"

Le jeton de rafraîchissement a été généré depuis la console API il y a trois mois. Expire-t-il ?""", {"t": (t, "zoho_refresh_token"), "cid": (cid, None)}


@T("finance", "en", "S", "quickbooks_client_secret")
def fi_quickbooks(r):
    cid = "AB" + rs(r, AN, 48)
    sec = rs(r, AN, 40)
    return """\
QuickBooks Online integration for our payroll tool. After rotating the secret in the Intuit developer portal, token refresh returns invalid_client:

QBO_ENVIRONMENT=production
QBO_CLIENT_ID=⟦cid⟧
QBO_CLIENT_SECRET=⟦sec⟧
QBO_REDIRECT_URI=https://payroll.kitestring.io/integrations/qbo/callback

Do existing refresh tokens survive a client secret rotation?""", {"sec": (sec, "quickbooks_client_secret"), "cid": (cid, None)}


@T("finance", "pt", "S", "password")
def fi_portal_financas_pt(r):
    p = pw(r, shape=r.choice(["ws", "na", "ww"]))
    return """\
Preciso de ajuda para escrever um e-mail ao nosso contabilista. Quero dizer-lhe que pode submeter a declaração periódica do IVA de outubro no Portal das Finanças com o NIF da empresa 514 203 778 e a senha ⟦p⟧, e que depois deve enviar-me o comprovativo. Também quero perguntar se a fatura da Endesa entra neste período.""", {"p": (p, "password")}


@T("finance", "hi", "S", "password")
def fi_gst_hi(r):
    p = pw(r, syms="@#!")
    return """\
हमारे CA साहब ने WhatsApp पर लिखा है: "GST पोर्टल पर GSTR-3B फाइल करने के लिए यूज़रनेम shreeganesh_traders और पासवर्ड ⟦p⟧ है, OTP आपके मोबाइल पर आएगा।" मुझे समझ नहीं आ रहा कि GSTR-1 और GSTR-3B में क्या फर्क है और नवंबर के लिए आखिरी तारीख क्या है। कृपया सरल भाषा में समझाइए।""", {"p": (p, "password")}


@T("finance", "id", "S", "password")
def fi_djp_id(r):
    p = pw(r, syms="@#!")
    return """\
Tolong bantu saya menulis pesan WhatsApp ke staf admin baru. Isinya: untuk lapor SPT Masa PPN bulan November, masuk ke DJP Online dengan NPWP kantor dan kata sandi ⟦p⟧, lalu pilih menu e-Faktur. Kode verifikasi akan dikirim ke email pajak kantor. Batas lapor tanggal 31 Desember. Bahasanya yang sopan tapi singkat.""", {"p": (p, "password")}


# --- finance negatives

@T("finance", "en", "N", "account_number")
def fi_iban_invoice(r):
    return """\
A supplier e-mailed new bank details for their invoices. Can you draft the verification call script (we always call back on the number we already hold, not the one in the e-mail)?

Beneficiary: Lindqvist Packaging AB
New IBAN: SE72 8000 0810 3400 0912 4470
BIC: SWEDSESS
Previous IBAN ended in ...5531
Effective from invoice 2026-1183""", {}


@T("finance", "en", "N", "identifier")
def fi_mt103_uetr(r):
    u = uuid4(r)
    return """\
A payment to our Singapore supplier hasn't arrived after 4 days. Help me write the investigation request to our bank with these details:

Message type: MT103
UETR: ⟦u⟧
Sender BIC: NWBKGB2LXXX
Receiver BIC: DBSSSGSGXXX
Amount: USD 48,250.00, value date 21/11/2026
Our reference: PO-77120 / INV SG-20931""", {"u": (u, None)}


@T("finance", "es", "N", "publishable_key")
def fi_mp_public_es(r):
    k = "APP_USR-" + uuid4(r)
    return """\
En el checkout de la tienda (Checkout Bricks de Mercado Pago) tengo esto en el front-end. ¿Es seguro que esta clave esté en el JavaScript público?

const mp = new MercadoPago("⟦k⟧", { locale: "es-AR" });
const bricksBuilder = mp.bricks();
await bricksBuilder.create("payment", "paymentBrick_container", settings);

El access token lo uso solo en el backend.""", {"k": (k, None)}


@T("finance", "pt", "N", "identifier")
def fi_pix_key_pt(r):
    return """\
Pode me ajudar a montar a mensagem de cobrança para os clientes atrasados? Quero incluir os dados para pagamento por Pix:

Chave Pix (aleatória): ⟦k⟧
Favorecido: Oficina Mecânica Irmãos Prado LTDA
Banco: Sicredi
Valor: conforme boleto anexo

Tom educado, mas firme, lembrando que após 30 dias o nome vai para o Serasa.""", {"k": (uuid4(r), None)}


@T("finance", "en", "N", "publishable_key")
def fi_paystack_public(r):
    k = "pk_live_" + rs(r, HEX, 40)
    return """\
Our donation page uses Paystack Inline. The popup opens but the amount shows as 0.50 instead of 50.00:

const handler = PaystackPop.setup({
  key: "⟦k⟧",
  email: donor.email,
  amount: 50,
  currency: "GHS",
  ref: "DON-" + Date.now(),
  callback: (res) => verifyOnServer(res.reference),
});

Is amount supposed to be in pesewas?""", {"k": (k, None)}


@T("finance", "sw", "N", "publishable_key")
def fi_flw_public_sw(r):
    k = "FLWPUBK-" + rs(r, HEX, 32) + "-X"
    return """\
Tunaweka kitufe cha kulipia ada za shule kwenye tovuti kwa kutumia Flutterwave Inline. Je, ni salama kuweka ufunguo huu wa umma kwenye JavaScript ya ukurasa?

FlutterwaveCheckout({
  public_key: "⟦k⟧",
  tx_ref: "ADA-2026-T3-0419",
  amount: 450000,
  currency: "TZS",
  payment_options: "mobilemoneytanzania, card",
  customer: { email: "mzazi@example.com", name: "Mzazi" }
});

Ufunguo wa siri tunautumia upande wa seva peke yake.""", {"k": (k, None)}


@T("finance", "en", "N", "signature")
def fi_razorpay_sig(r):
    s = rs(r, HEX, 64)
    return """\
Our webhook verification for Razorpay fails intermittently. Incoming request:

POST /webhooks/razorpay
X-Razorpay-Event-Id: ⟦eid⟧
X-Razorpay-Signature: ⟦s⟧
Content-Type: application/json

We compute hmac_sha256(webhook_secret, json.dumps(payload)). Could re-serialising the JSON change the bytes?""", {"s": (s, None), "eid": (rs(r, AN, 14), None)}


@T("finance", "hi", "N", "publishable_key")
def fi_razorpay_keyid_hi(r):
    kid = "rzp_live_" + rs(r, AN, 14)
    return """\
हमारी वेबसाइट के checkout पेज पर Razorpay का यह कोड है। एक ग्राहक ने पूछा है कि पेज के source में "key" दिख रही है, क्या यह सुरक्षा की समस्या है?

var options = {
  "key": "⟦kid⟧",
  "amount": "249900",
  "currency": "INR",
  "name": "Shree Ganesh Traders",
  "order_id": "order_⟦oid⟧"
};

Key Secret हम सिर्फ सर्वर पर रखते हैं।""", {"kid": (kid, None), "oid": (rs(r, AN, 14), None)}


@T("finance", "id", "N", "publishable_key")
def fi_midtrans_client_id(r):
    k = "Mid-client-" + rs(r, B64U, 16)
    return """\
Kami memasang Midtrans Snap di halaman pembayaran toko online. Apakah client key ini boleh terlihat di HTML?

<script src="https://app.midtrans.com/snap/snap.js" data-client-key="⟦k⟧"></script>
<script>
  document.getElementById('bayar').onclick = () => snap.pay(SNAP_TOKEN_DARI_SERVER);
</script>

Server key hanya disimpan di backend Laravel (.env).""", {"k": (k, None)}


@T("finance", "en", "N", "secret_reference")
def fi_xendit_env(r):
    return """\
Refactoring our payments service config. Is it fine to load the Xendit key like this, or should it come from AWS Secrets Manager directly?

# config/payments.py
XENDIT_SECRET_KEY = os.environ["XENDIT_SECRET_KEY"]
XENDIT_CALLBACK_TOKEN = os.environ["XENDIT_CALLBACK_TOKEN"]

# task definition
"secrets": [{"name": "XENDIT_SECRET_KEY", "valueFrom": "arn:aws:secretsmanager:ap-southeast-1:418273645501:secret:payments/xendit-AbCdEf"}]""", {}


@T("finance", "vi", "N", "signature")
def fi_vnpay_return_vi(r):
    h = rs(r, HEX, 128)
    return """\
Khách hàng thanh toán xong thì VNPAY chuyển về URL này, nhưng hệ thống báo "chữ ký không hợp lệ". Bạn xem giúp thứ tự tham số có đúng không:

https://cuahangmai.vn/thanh-toan/ket-qua?vnp_Amount=45000000&vnp_BankCode=NCB&vnp_OrderInfo=Thanh+toan+don+hang+DH10482&vnp_ResponseCode=00&vnp_TmnCode=CHMAI001&vnp_TransactionNo=14672039&vnp_TxnRef=DH10482&vnp_SecureHash=⟦h⟧

Khi kiểm tra mình đã bỏ vnp_SecureHash ra khỏi chuỗi trước khi tính HMAC.""", {"h": (h, None)}


@T("finance", "en", "N", "masked_card")
def fi_masked_cards(r):
    return """\
Summarise this card statement dispute for the bank. The corporate cards involved:

Visa Business **** **** **** 4821 (holder: D. Mensah), disputed: GBP 312.40 "SKYPARK LTD" 14/11
Amex Corporate ***********1009 (holder: R. Iyer), disputed: GBP 1,180.00 "HTL CONTINENTAL" 17/11
Both cardholders confirm they did not make these transactions and the cards are now blocked.""", {}


@T("finance", "fr", "N", "identifier")
def fi_zoho_clientid_fr(r):
    cid = "1000." + rs(r, UP + DI, 30)
    return """\
Je dois documenter l'intégration entre notre CRM et Zoho Books pour l'audit interne. Voici les éléments non sensibles ; le client secret et le jeton de rafraîchissement sont dans le coffre-fort du service informatique :

Client ID : ⟦cid⟧
Centre de données : EU (accounts.zoho.eu)
Organisation ID : 20091834577
Portées : ZohoBooks.invoices.READ, ZohoBooks.contacts.READ

Peux-tu rédiger un paragraphe clair pour le dossier d'audit ?""", {"cid": (cid, None)}


@T("finance", "en", "N", "identifier")
def fi_xero_ids(r):
    return """\
Our Xero API call to void an invoice returns 404. IDs I'm using:

Tenant ID (xero-tenant-id header): ⟦t⟧
Invoice ID: ⟦i⟧
Invoice number: INV-004512
PUT https://api.xero.com/api.xro/2.0/Invoices/⟦i⟧ with {"Status": "VOIDED"}

Should it be POST instead of PUT?""", {"t": (uuid4(r), None), "i": (uuid4(r), None)}


@T("finance", "en", "N", "identifier")
def fi_cnpj(r):
    return """\
Please build a vendor master data table from this list our Brazil office sent (name, CNPJ, city, payment terms):

Transportadora Rio Claro Ltda — CNPJ 12.418.903/0001-77 — Campinas — 30 dias
Embalagens Serra Azul S.A. — CNPJ 04.772.105/0002-30 — Joinville — 45 dias
Química Paulista Ind. e Com. — CNPJ 58.930.221/0001-04 — São Bernardo do Campo — 28 dias""", {}


@T("finance", "sw", "N", "identifier")
def fi_mpesa_ids_sw(r):
    return """\
Nisaidie kuandaa jedwali la malipo ya wateja kwa ajili ya hesabu za mwezi huu. Taarifa za M-Pesa:

Paybill: 522533, Akaunti: ANKARA-1187, Kiasi: KSh 14,500, Msimbo wa muamala: SKL4H7QX2P
Till: 8847312, Kiasi: KSh 3,200, Msimbo wa muamala: SKM9T2RV8D
Paybill: 522533, Akaunti: ANKARA-1191, Kiasi: KSh 27,000, Msimbo wa muamala: SKN1B6WZ4J

Safu ziwe: tarehe, njia ya malipo, akaunti, kiasi, msimbo.""", {}


@T("finance", "en", "N", "rotation_notice")
def fi_portal_expiry(r):
    return """\
Draft a reminder to the AP team: "Your password for the HSBCnet portal expires in 5 days. Please change it from within HSBCnet (My Profile → Security) using your security device; never via a link in an e-mail. Remember that the bank will never call you to ask for your password or security codes.\"""", {}


@T("finance", "en", "N", "out_of_band_notice")
def fi_efirma_oob(r):
    return """\
Our Mexico entity's monthly tax return is due. Can you write a short note to our accountant in English explaining that the company's e.firma (.cer and .key files) is on the encrypted USB in the finance safe, that the private-key password is held only by the legal representative, Ms. Salgado, and that she will enter it herself on the SAT portal on Friday? RFC of the company is KMX190412AB7.""", {}


@T("finance", "en", "N", "identifier")
def fi_npwp(r):
    return """\
For our Jakarta vendor onboarding form, can you check these tax IDs are in the right 16-digit format after the 2024 NPWP change?

PT Sinar Baja Logistik — NPWP 0931 2846 7501 4000
CV Mitra Kertas Nusantara — NPWP 0217 6638 2409 5000
PT Anugrah Teknik — old NPWP 02.413.558.6-021.000

If any are in the old 15-digit format, show me how to convert them.""", {}


@T("finance", "en", "N", "reset_notice")
def fi_kra_reset(r):
    return """\
Our Nairobi office manager can't log in to KRA iTax for the company (KRA PIN P051234567X). She used "Forgot password" and iTax says a new password was sent to the registered e-mail, but that mailbox belongs to a former accountant. How do we update the registered e-mail on iTax for a company PIN?""", {}

# ==========================================================================
# build and validate

WORD = re.compile(r"[A-Za-z0-9_]")


def render(t):
    r = random.Random(SEED + "/" + t["name"])
    tmpl, vals = t["fn"](r)
    used = PH.findall(tmpl)
    missing = set(used) - set(vals)
    unused = set(vals) - set(used)
    assert not missing and not unused, (t["name"], missing, unused)
    text = PH.sub(lambda m: vals[m.group(1)][0], tmpl)
    assert "⟦" not in text and "⟧" not in text, t["name"]
    # expected occurrence count of each marked value = placeholders using it
    marked = {}
    for name, (value, etype) in vals.items():
        if etype is None:
            continue
        marked.setdefault(value, {"types": set(), "count": 0})
        marked[value]["types"].add(etype)
    for name in used:
        value, etype = vals[name]
        if etype is not None:
            marked[value]["count"] += 1
    ents = []
    for value, info in marked.items():
        assert len(info["types"]) == 1, (t["name"], value)
        etype = next(iter(info["types"]))
        starts = [m.start() for m in re.finditer(re.escape(value), text)]
        assert len(starts) == info["count"], (t["name"], value, len(starts), info["count"])
        for s in starts:
            ents.append({"type": etype, "start": s, "end": s + len(value), "value": value})
    ents.sort(key=lambda e: (e["start"], e["end"]))
    return text, ents


def build():
    order = list(TEMPLATES)
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, t in enumerate(order):
        text, ents = render(t)
        rows.append({
            "id": "%s-%03d" % (PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": t["type"],
            "entities": ents if t["label"] == "secret" else [],
            "spans_known": True,
            "source": {"repo": REPO},
        })
        if t["label"] != "secret":
            assert not ents, (t["name"], "negative with marked values")
        meta.append(t)
    return rows, meta


def serialise(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")


def validate(rows, meta):
    errs = []
    names = [t["name"] for t in TEMPLATES]
    if len(set(names)) != len(names):
        errs.append("duplicate template names")
    if not 195 <= len(rows) <= 205:
        errs.append("row count %d" % len(rows))
    ids, texts = set(), set()
    for row, t in zip(rows, meta):
        rid, text = row["id"], row["text"]
        if not re.fullmatch(PREFIX + r"-\d{3}", rid) or rid in ids:
            errs.append("bad id " + rid)
        ids.add(rid)
        if text in texts:
            errs.append(rid + " duplicate text")
        texts.add(text)
        if t["group"] not in GROUPS:
            errs.append(rid + " group")
        if t["lang"] not in LANGS:
            errs.append(rid + " lang")
        if list(row) != ["id", "text", "label", "type", "entities", "spans_known", "source"]:
            errs.append(rid + " key order")
        ents = row["entities"]
        if row["label"] == "not_secret":
            if ents:
                errs.append(rid + " negative has entities")
            if row["type"] not in NEG_TYPES:
                errs.append(rid + " unknown negative type " + row["type"])
        elif row["label"] == "secret":
            if not ents:
                errs.append(rid + " secret without entities")
            if row["type"] not in {e["type"] for e in ents}:
                errs.append(rid + " no entity of row type")
            if row["type"] in NEG_TYPES:
                errs.append(rid + " secret with negative type")
        else:
            errs.append(rid + " label")
        prev_end = -1
        for e in ents:
            if list(e) != ["type", "start", "end", "value"]:
                errs.append(rid + " entity key order")
            s, en, v = e["start"], e["end"], e["value"]
            if text[s:en] != v:
                errs.append(rid + " span mismatch")
            if not v or v != v.strip():
                errs.append(rid + " span whitespace")
            if s < prev_end:
                errs.append(rid + " overlap")
            prev_end = en
            if not t["glued"]:
                if s > 0 and WORD.match(text[s - 1]) and WORD.match(text[s]):
                    errs.append(rid + " span starts inside a word: " + v[:20])
                if en < len(text) and WORD.match(text[en]) and WORD.match(text[en - 1]):
                    errs.append(rid + " span ends inside a word: " + v[:20])
            if v in DOC_EXAMPLES or "EXAMPLE" in v.upper():
                errs.append(rid + " documentation example marked")
            if not re.fullmatch(r"[a-z0-9_]+", e["type"]):
                errs.append(rid + " entity type name")
            # every occurrence covered
            for m in re.finditer(re.escape(v), text):
                if not any(x["start"] <= m.start() and m.end() <= x["end"] for x in ents):
                    errs.append(rid + " uncovered occurrence of " + v[:20])
    n = len(rows)
    sec = [r for r in rows if r["label"] == "secret"]
    share = len(sec) / n
    if not 0.47 <= share <= 0.55:
        errs.append("secret share %.3f" % share)
    non_en = [t for t in meta if t["lang"] != "en"]
    if not 0.40 <= len(non_en) / n <= 0.50:
        errs.append("non-English share %.3f" % (len(non_en) / n))
    if len({t["lang"] for t in non_en}) < 10:
        errs.append("fewer than 10 non-English languages")
    human = [r for r in sec if r["type"] in HUMAN]
    if not 0.30 <= len(human) / len(sec) <= 0.45:
        errs.append("human share %.3f" % (len(human) / len(sec)))
    return errs


def stats(rows, meta):
    from collections import Counter
    n = len(rows)
    lab = Counter(r["label"] for r in rows)
    sec = [r for r in rows if r["label"] == "secret"]
    non_en = sum(1 for t in meta if t["lang"] != "en")
    human = sum(1 for r in sec if r["type"] in HUMAN)
    out = []
    out.append("rows: %d" % n)
    out.append("label: not_secret %d, secret %d  (secret share %.1f%%)"
               % (lab["not_secret"], lab["secret"], 100 * lab["secret"] / n))
    out.append("non-English rows: %d (%.1f%%)" % (non_en, 100 * non_en / n))
    out.append("templates: %d (each used once)" % len(TEMPLATES))
    out.append("human-password rows (%s): %d of %d secret rows (%.1f%%)"
               % (", ".join(sorted(HUMAN)), human, len(sec), 100 * human / len(sec)))
    out.append("")
    out.append("%-20s  secret  not_secret  total" % "group")
    for g in GROUPS:
        s = sum(1 for r, t in zip(rows, meta) if t["group"] == g and r["label"] == "secret")
        ns = sum(1 for r, t in zip(rows, meta) if t["group"] == g and r["label"] == "not_secret")
        out.append("  %-18s %6d %11d %6d" % (g, s, ns, s + ns))
    out.append("")
    out.append("%-20s  secret  not_secret  total" % "language")
    for l, name in LANGS.items():
        s = sum(1 for r, t in zip(rows, meta) if t["lang"] == l and r["label"] == "secret")
        ns = sum(1 for r, t in zip(rows, meta) if t["lang"] == l and r["label"] == "not_secret")
        if s + ns:
            out.append("  %-18s %6d %11d %6d" % (l + " " + name, s, ns, s + ns))
    for label in ("secret", "not_secret"):
        c = Counter(r["type"] for r in rows if r["label"] == label)
        out.append("")
        out.append("row type (%s, %d kinds):" % (label, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append("  %-34s %d" % (k, v))
    c = Counter(e["type"] for r in rows for e in r["entities"])
    out.append("")
    out.append("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append("  %-34s %d" % (k, v))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true", help="rebuild and compare byte for byte")
    ap.add_argument("--stats", action="store_true", help="print counts")
    a = ap.parse_args()
    rows, meta = build()
    errs = validate(rows, meta)
    if errs:
        for e in errs:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    data = serialise(rows)
    if a.stats:
        print(stats(rows, meta))
        return
    if a.check:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            sys.exit(1)
        print("ok: %d rows, byte-identical" % len(rows))
        return
    with open(OUT, "wb") as f:
        f.write(data)
    # re-read and validate what was written
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(line) for line in f]
    assert back == rows
    print("wrote %s: %d rows" % (OUT, len(rows)))


if __name__ == "__main__":
    main()
