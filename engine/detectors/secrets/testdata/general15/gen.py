#!/usr/bin/env python3
"""Generate and validate the general15 blind hold-out set for the secrets detector.

python3 gen.py           write holdout.jsonl and validate it
python3 gen.py --check   rebuild in memory and compare byte for byte
python3 gen.py --stats   print counts by group, language and kind

Standard library only. Every template is used exactly once; each template
draws from random.Random(SEED + "/" + template_name); the row order comes
from random.Random(SEED).
"""
import argparse
import base64
import collections
import hashlib
import json
import os
import random
import re
import string
import sys

SEED = "parapet/general15/holdout/v1"
REPO = "handwritten/general15"
PREFIX = "sg15"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

GROUPS = ["hpc", "repository", "campus", "lab", "newsroom", "ngo", "homelab"]
LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish",
    "sv": "Swedish", "tr": "Turkish", "id": "Indonesian", "ja": "Japanese",
    "zh": "Chinese", "ko": "Korean", "sw": "Swahili",
}
HUMAN_TYPES = {"password", "passphrase", "pin"}
NEG_TYPES = {
    "secret_reference", "placeholder", "redacted", "masked_key", "hash",
    "password_hash", "password_prompt", "password_policy", "identifier",
    "public_key", "publishable_key", "public_client_key", "request_id",
    "username", "rotation_notice", "out_of_band_notice", "reset_notice",
    "security_advice", "version_string", "git_sha", "serial_number",
    "wifi_ssid", "doc_example_key", "dummy_value", "empty_value",
    "no_credential", "password_hint", "encrypted_blob", "onion_address",
    "checksum", "certificate", "persistent_identifier", "default_credential",
    "account_number",
}
# Published documentation examples that must never be marked.
DOC_EXAMPLES = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "0000-0002-1825-0097",
}

TEMPLATES = []


def tpl(group, lang, label, typ, glued=False):
    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": label, "type": typ, "glued": glued,
                          "fn": fn})
        return fn
    return deco


# Span markers (private-use code points, never part of the text).
_O, _M, _C = "\ue000", "\ue001", "\ue002"


def S(etype, value):
    """Mark value as a secret entity of type etype."""
    return _O + etype + _M + value + _C


# ---------------------------------------------------------------- alphabets
UP = string.ascii_uppercase
LO = string.ascii_lowercase
DIG = string.digits
ALNUM = UP + LO + DIG
HEXL = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def rs(r, n, alphabet=ALNUM):
    return "".join(r.choice(alphabet) for _ in range(n))


def hx(r, n, upper=False):
    return rs(r, n, HEXU if upper else HEXL)


def digits(r, n, first_nonzero=True):
    s = rs(r, n, DIG)
    if first_nonzero and s[0] == "0":
        s = r.choice("123456789") + s[1:]
    return s


def uuid4(r):
    h = hx(r, 32)
    h = h[:12] + "4" + h[13:16] + r.choice("89ab") + h[17:]
    return "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:])


def b64bytes(r, n, urlsafe=False, pad=True):
    raw = bytes(r.randrange(256) for _ in range(n))
    s = (base64.urlsafe_b64encode if urlsafe else base64.b64encode)(raw).decode()
    return s if pad else s.rstrip("=")


def b64url_json(obj):
    return base64.urlsafe_b64encode(
        json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt(r, payload, alg="HS256", sig_bytes=32):
    head = b64url_json({"alg": alg, "typ": "JWT"})
    return head + "." + b64url_json(payload) + "." + b64bytes(r, sig_bytes, True, False)


def ts(r, lo=1767225600, hi=1798761600):
    return r.randrange(lo, hi)


def mac(r):
    return ":".join(hx(r, 2, True) for _ in range(6))


def ipv4(r, net="192.168.1"):
    return "%s.%d" % (net, r.randrange(2, 250))


# --------------------------------------------------------- credential kinds
def k_openai(r):
    return "sk-proj-" + rs(r, 74, B64URL) + "T3BlbkFJ" + rs(r, 74, B64URL)


def k_anthropic(r):
    return "sk-ant-api03-" + rs(r, 93, B64URL) + "AA"


def k_hf(r):
    return "hf_" + rs(r, 34, UP + LO)


def k_ghp(r):
    return "ghp_" + rs(r, 36)


def k_github_pat(r):
    return "github_pat_11" + rs(r, 20, UP + DIG) + "_" + rs(r, 59)


def k_glpat(r):
    return "glpat-" + rs(r, 20, B64URL)


def k_aws_id(r):
    return "AKIA" + rs(r, 16, UP + "234567")


def k_aws_secret(r):
    return rs(r, 40, B64)


def k_slack_webhook(r):
    return "https://hooks.slack.com/services/T%s/B%s/%s" % (
        rs(r, 8, UP + DIG), rs(r, 10, UP + DIG), rs(r, 24))


def k_discord_webhook(r):
    return "https://discord.com/api/webhooks/%s/%s" % (digits(r, 19), rs(r, 68, B64URL))


def k_telegram(r):
    return "%s:AA%s" % (digits(r, 10), rs(r, 33, B64URL))


def k_google(r):
    return "AIzaSy" + rs(r, 33, B64URL)


def k_stripe(r):
    return "sk_live_51" + rs(r, 97)


def k_mailchimp(r):
    return hx(r, 32) + "-us" + str(r.randrange(2, 22))


def k_sendgrid(r):
    return "SG." + rs(r, 22, B64URL) + "." + rs(r, 43, B64URL)


def k_mapbox(r, user, kind="sk"):
    body = b64url_json({"u": user, "a": rs(r, 25, LO + DIG)})
    return kind + "." + body + "." + rs(r, 22, B64URL)


def k_cf_api(r):
    return rs(r, 40, B64URL)


def k_cf_tunnel(r):
    obj = {"a": hx(r, 32), "t": uuid4(r), "s": b64bytes(r, 32)}
    return base64.b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode()


def k_tailscale(r, kind="auth"):
    return "tskey-%s-k%sCNTRL-%s" % (kind, rs(r, 10), rs(r, 33))


def k_wg(r):
    return b64bytes(r, 32)


def k_truenas(r):
    return "%d-%s" % (r.randrange(1, 9), rs(r, 64))


def k_ha(r):
    iat = ts(r)
    return jwt(r, {"iss": hx(r, 32), "iat": iat, "exp": iat + 315360000})


def k_nextcloud_app(r):
    return "-".join(rs(r, 5) for _ in range(5))


def k_wp_app(r):
    return " ".join(rs(r, 4) for _ in range(6))


def k_ssh_ed25519(r, comment="user@host"):
    body = base64.b64encode(
        b"openssh-key-v1\x00" + bytes(r.randrange(256) for _ in range(280))
        + comment.encode()).decode()
    lines = [body[i:i + 70] for i in range(0, len(body), 70)]
    return ("-----BEGIN OPENSSH PRIVATE KEY-----\n" + "\n".join(lines)
            + "\n-----END OPENSSH PRIVATE KEY-----")


def k_rsa_pem(r, nbytes=1190, escaped=False):
    body = base64.b64encode(bytes(r.randrange(256) for _ in range(nbytes))).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    nl = "\\n" if escaped else "\n"
    return ("-----BEGIN PRIVATE KEY-----" + nl + nl.join(lines) + nl
            + "-----END PRIVATE KEY-----")


# --------------------------------------------------------- human passwords
WORDS = [
    "Sonnenblume", "Kaffeetasse", "Bergsee", "papillon", "grenouille",
    "mariposa", "girasol", "cachorro", "saudade", "gattino", "fragola",
    "fietsband", "hagelslag", "kotek", "pierogi", "kanelbulle", "blabar",
    "kedicik", "lokum", "kucing", "rendang", "sakura", "neko", "xiongmao",
    "mianbao", "hodu", "simba", "rafiki", "Mikroskop", "pipette", "zentrifuge",
    "Orion", "Cassiopeia", "tardigrade", "axolotl", "quokka", "Galapagos",
    "Kilimanjaro", "Zanzibar", "Heidelberg", "Uppsala", "Coimbra", "Leiden",
    "Bologna", "Krakow", "Bandung", "Nairobi", "osprey", "heron", "lindworm",
]
NONASCII = ["Müllerstraße", "Éléphant", "Ñandú", "Łódka", "Göteborg", "Çiçekçi",
            "Åkersberga", "Zürichsee", "Señorita", "Brücke", "Kraków", "Ölüdeniz"]
WALKS = ["1qaz2wsx", "q1w2e3r4", "zaq12wsx", "1q2w3e4r5t", "qazwsx", "asdfghjk",
         "qwertz", "azerty", "poiuytre", "mnbvcxz"]
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
SYM = {"url": "-_.~", "cfg": "!@%*+-_.^", "prose": "!@#%*?+-_.&$"}


def pw(r, ctx="cfg", shape=None):
    """A human password. ctx: url (URL userinfo), cfg (INI/YAML/shell), prose."""
    shapes = ["word", "two", "phrase", "random", "walk", "leet", "nonascii"]
    if ctx == "url":
        shapes.remove("nonascii")
    shape = shape or r.choice(shapes)
    sym = SYM[ctx]
    if shape == "word":
        w = r.choice(WORDS)
        w = w[0].upper() + w[1:]
        return w + digits(r, r.choice([2, 3, 4]), False) + r.choice(sym)
    if shape == "two":
        a, b = r.sample(WORDS, 2)
        return a.capitalize() + r.choice(sym) + b.capitalize() + digits(r, 2, False)
    if shape == "phrase":
        ws = [w.lower() for w in r.sample(WORDS, 4)]
        sep = r.choice([" ", "-", "."]) if ctx == "prose" else r.choice(["-", "."])
        return sep.join(ws)
    if shape == "random":
        alpha = ALNUM + sym
        s = r.choice(UP + LO) + rs(r, r.randrange(11, 17), alpha)
        return s + r.choice(sym) + r.choice(DIG)
    if shape == "walk":
        return r.choice(WALKS) + r.choice(["", "!", "#", "2024", "!!", "_"]).replace(
            "#", r.choice(sym)).replace("!", r.choice(sym)) + digits(r, 2, False)
    if shape == "leet":
        w = r.choice(WORDS).lower()
        w = "".join(LEET.get(c, c) if r.random() < 0.7 else c for c in w)
        return w[0].upper() + w[1:] + r.choice(sym) + digits(r, 2, False)
    if shape == "nonascii":
        return r.choice(NONASCII) + digits(r, r.choice([2, 4]), False) + r.choice(sym)
    raise ValueError(shape)


def diceware(r, n=6, sep=" "):
    words = ["anvil", "borrow", "cactus", "dagger", "ember", "fjord", "gravel",
             "hammock", "igloo", "jasmine", "kettle", "lantern", "marble",
             "nectar", "oyster", "pepper", "quiver", "raven", "saddle", "tundra",
             "umbra", "velvet", "walnut", "yonder", "zephyr", "abacus", "bramble",
             "cobalt", "drizzle", "eclipse", "falcon", "goblet", "harbor",
             "island", "juniper", "kayak", "lilac", "meadow", "nugget", "orbit"]
    return sep.join(r.sample(words, n))


def pin(r, n=4):
    while True:
        p = rs(r, n, DIG)
        if len(set(p)) >= 3 and not p.startswith(("19", "20")):
            return p


def fake_sha256(r):
    return hx(r, 64)



# ================================================================ hpc
@tpl("hpc", "en", "secret", "password")
def hpc_sshpass_login(r):
    user = "s" + digits(r, 7)
    p = pw(r, "cfg")
    return f"""My batch submission from the lab workstation stopped working after the cluster migration. This is the wrapper our old postdoc wrote, it ran every night from cron:

#!/bin/bash
sshpass -p '{S("password", p)}' ssh -o StrictHostKeyChecking=no {user}@login2.hpc.uni-example.ac.uk 'cd ~/proj/bloomcast && sbatch run_nightly.sh'

Now it just prints "Permission denied, please try again." but I can still log in by hand with the same password. Did they switch off password auth for non-interactive sessions?"""


@tpl("hpc", "en", "secret", "wandb_api_key")
def hpc_slurm_wandb(r):
    k = hx(r, 40)
    return f"""why does wandb still say "offline mode" in the logs? here's my job script

#!/bin/bash
#SBATCH --job-name=vit-sweep
#SBATCH --partition=gpu-a100
#SBATCH --gres=gpu:2
#SBATCH --time=23:59:00
#SBATCH --output=logs/%x-%j.out

module load cuda/12.2 python/3.11
source ~/venvs/vit/bin/activate
export WANDB_API_KEY={S("wandb_api_key", k)}
export WANDB_PROJECT=vit-sweep
srun python train.py --config configs/base.yaml"""


@tpl("hpc", "en", "secret", "jupyter_token")
def hpc_jupyter_token_cfg(r):
    k = hx(r, 48)
    port = r.randrange(8800, 8999)
    return f"""I'm running Jupyter on a compute node and tunnelling it through the login node. Browser shows "403 Forbidden" after I paste the URL. Config:

# ~/.jupyter/jupyter_server_config.py
c.ServerApp.ip = '0.0.0.0'
c.ServerApp.port = {port}
c.ServerApp.open_browser = False
c.ServerApp.token = '{S("jupyter_token", k)}'
c.ServerApp.allow_remote_access = True

Tunnel: ssh -N -L {port}:gpu017:{port} me@login.cluster.edu"""


@tpl("hpc", "de", "secret", "password")
def hpc_rstudio_rocker(r):
    p = pw(r, "cfg")
    return f"""Hallo, ich versuche RStudio Server per Apptainer auf unserem Institutsrechner zu starten, aber im Browser kommt nach dem Login immer „Error: Incorrect or invalid username/password“. So starte ich es:

apptainer exec --bind run:/run,var-lib-rstudio-server:/var/lib/rstudio-server \\
  --env PASSWORD='{S("password", p)}' --env USER=$USER \\
  rocker_rstudio_4.4.sif rserver --www-port 8787 --auth-none=0 \\
  --auth-pam-helper-path=pam-helper

Muss der Benutzername im Container anders heißen?"""


@tpl("hpc", "en", "secret", "password")
def hpc_netrc_earthdata(r):
    p = pw(r, "cfg")
    return f"""wget keeps downloading a 3 KB HTML login page instead of the MODIS granules. My ~/.netrc on the cluster:

machine urs.earthdata.nasa.gov login leafarea_lab password {S("password", p)}

and the command:
wget --load-cookies ~/.urs_cookies --save-cookies ~/.urs_cookies --keep-session-cookies --auth-no-challenge=on -i granules.txt

chmod 600 is already set on .netrc."""


@tpl("hpc", "fr", "secret", "huggingface_token")
def hpc_sbatch_hf(r):
    k = k_hf(r)
    return f"""Bonjour, mon job Slurm plante au téléchargement du modèle (401 Client Error) alors qu'en interactif ça marche. Voici le script :

#!/bin/bash
#SBATCH -J llama-eval
#SBATCH -p gpu_p2
#SBATCH -A abc@v100
#SBATCH --gres=gpu:1
#SBATCH -t 10:00:00

export HF_HOME=$SCRATCH/hf_cache
export HF_TOKEN={S("huggingface_token", k)}
export HF_HUB_OFFLINE=1
python eval.py --model meta-llama/Llama-3.1-8B

Est-ce que HF_HUB_OFFLINE empêche d'utiliser le token ?"""


@tpl("hpc", "ja", "secret", "slack_webhook")
def hpc_slurm_slack_notify(r):
    w = k_slack_webhook(r)
    return f"""ジョブ終了時にSlackへ通知するようにしたのですが、メッセージが届きません。スクリプトの最後はこうなっています。

srun python simulate.py --steps 200000
STATUS=$?
curl -s -X POST -H 'Content-type: application/json' \\
  --data "{{\\"text\\": \\"job $SLURM_JOB_ID finished with $STATUS\\"}}" \\
  {S("slack_webhook", w)}

計算ノードから外部にHTTPSで出られないのが原因でしょうか？"""


@tpl("hpc", "zh", "secret", "openai_api_key")
def hpc_notebook_openai(r):
    k = k_openai(r)
    return f"""老师让我们用 GPT 给访谈文本做初步编码，我在学校的 JupyterHub 上跑这个 cell 一直报 APIConnectionError，是不是集群不能访问外网？

from openai import OpenAI
client = OpenAI(api_key="{S("openai_api_key", k)}")
resp = client.chat.completions.create(
    model="gpt-4o-mini",
    messages=[{{"role": "user", "content": prompt}}],
)
print(resp.choices[0].message.content)"""


@tpl("hpc", "en", "secret", "slurm_jwt")
def hpc_slurmrestd_jwt(r):
    iat = ts(r)
    tok = jwt(r, {"exp": iat + 86400, "iat": iat, "sun": "mkowalczyk"})
    return f"""Trying to submit through slurmrestd from our workflow server. The token came from `scontrol token lifespan=86400`:

curl -s -X POST https://slurm-api.hpc.internal:6820/slurm/v0.0.40/job/submit \\
  -H "X-SLURM-USER-NAME: mkowalczyk" \\
  -H "X-SLURM-USER-TOKEN: {S("slurm_jwt", tok)}" \\
  -H "Content-Type: application/json" -d @job.json

Response is {{"errors":[{{"error":"Unable to parse query"}}]}}. Is the v0.0.40 schema different?"""


@tpl("hpc", "pl", "secret", "kaggle_api_key")
def hpc_kaggle_json(r):
    k = hx(r, 32)
    return f"""Na klastrze uczelnianym `kaggle competitions download` zwraca 401 Unauthorized. Plik ~/.kaggle/kaggle.json wygląda tak:

{{"username":"ola_wnuk_ml","key":"{S("kaggle_api_key", k)}"}}

Uprawnienia ustawiłam na 600. Czy klucz mógł wygasnąć po zmianie hasła?"""


@tpl("hpc", "en", "secret", "private_key")
def hpc_ssh_private_key(r):
    k = k_ssh_ed25519(r, "tnguyen@lab-ws04")
    return f"""ssh to the cluster says "Load key "/home/tnguyen/.ssh/id_ed25519": invalid format". I copied the key from my old laptop through a Teams chat, maybe the line breaks got mangled? Here is what the file looks like now:

{S("private_key", k)}

The public half is already in authorized_keys on the login node."""


@tpl("hpc", "es", "secret", "aws_access_key")
def hpc_aws_credentials_s3(r):
    kid, sec = k_aws_id(r), k_aws_secret(r)
    return f"""Tengo que copiar los datos de secuenciación desde el bucket del consorcio al scratch del clúster, pero `aws s3 sync` me devuelve AccessDenied. Este es mi ~/.aws/credentials:

[consorcio]
aws_access_key_id = {S("aws_access_key_id", kid)}
aws_secret_access_key = {S("aws_secret_access_key", sec)}
region = eu-west-1

Comando: aws s3 sync s3://consorcio-wgs-raw/lote7/ $SCRATCH/lote7/ --profile consorcio"""


@tpl("hpc", "de", "secret", "password")
def hpc_chat_gpu_account(r):
    p = pw(r, "prose")
    return f"""[Teams, AG Molekulardynamik]
Prof. Brandt: Für die Simulationen nächste Woche kannst du erstmal meinen Gastaccount auf dem GPU-Knoten nehmen, bis dein eigener freigeschaltet ist.
Prof. Brandt: Host gpu-md.physik.uni-example.de, Benutzer gast_md02, Passwort {S("password", p)}
Prof. Brandt: Bitte keine Daten im Home liegen lassen, nur /scratch.
Du: Danke, ich melde mich, wenn es läuft!"""


@tpl("hpc", "ko", "secret", "password")
def hpc_mlflow_password(r):
    p = pw(r, "cfg")
    return f"""연구실 MLflow 서버에 실험 기록이 안 올라갑니다. 학습 스크립트 앞부분에 이렇게 설정했어요.

import os, mlflow
os.environ["MLFLOW_TRACKING_URI"] = "https://mlflow.vision-lab.example.ac.kr"
os.environ["MLFLOW_TRACKING_USERNAME"] = "jiwoo"
os.environ["MLFLOW_TRACKING_PASSWORD"] = "{S("password", p)}"
mlflow.set_experiment("seg-ablation")

에러는 RestException: INVALID_PARAMETER_VALUE 입니다."""


@tpl("hpc", "en", "secret", "github_pat")
def hpc_apptainer_ghcr(r):
    k = k_ghp(r)
    return f"""Pulling our private container on the cluster fails with "unauthorized: authentication required". I logged in like this first:

$ apptainer registry login --username rse-bot --password {S("github_pat", k)} docker://ghcr.io
INFO:    Token stored in /home/rse/.apptainer/remote.yaml
$ apptainer pull docker://ghcr.io/our-lab/pipeline:2.3.1
FATAL:   While making image from oci registry: ... unauthorized

Does apptainer need read:packages on the token?"""


@tpl("hpc", "en", "not_secret", "no_credential")
def hpc_neg_sbatch_plain(r):
    job = digits(r, 8)
    return f"""Job {job} keeps getting killed with OUT_OF_MEMORY even though I asked for 64G. Script:

#!/bin/bash
#SBATCH --job-name=assemble
#SBATCH --cpus-per-task=32
#SBATCH --mem=64G
#SBATCH --time=2-00:00:00
#SBATCH --mail-user=a.osei@uni-example.edu
#SBATCH --mail-type=END,FAIL

module load SPAdes/3.15.5
spades.py --meta -1 R1.fq.gz -2 R2.fq.gz -t $SLURM_CPUS_PER_TASK -m 64 -o out/

seff says Memory Efficiency: 101.3% of 64.00 GB."""


@tpl("hpc", "en", "not_secret", "password_hash")
def hpc_neg_jupyter_argon2(r):
    h = "argon2:$argon2id$v=19$m=10240,t=10,p=8$" + b64bytes(r, 16, pad=False) + "$" + b64bytes(r, 32, pad=False)
    return f"""After upgrading to JupyterLab 4 my password no longer works on the group server. The config still has the hash that `jupyter server password` wrote:

c.ServerApp.password = '{h}'
c.ServerApp.password_required = True

Do I need to move it to jupyter_server_config.json instead of the .py file?"""


@tpl("hpc", "de", "not_secret", "hash")
def hpc_neg_ssh_hostkey(r):
    fp = b64bytes(r, 32, pad=False)
    return f"""Seit der Wartung bekomme ich beim Login auf den Cluster diese Warnung und traue mich nicht weiter:

@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @
@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
The fingerprint for the ED25519 key sent by the remote host is
SHA256:{fp}.
Offending ED25519 key in /home/lmeier/.ssh/known_hosts:3

Auf der Wiki-Seite des Rechenzentrums steht ein anderer Fingerprint. Ist das gefährlich?"""


@tpl("hpc", "en", "not_secret", "secret_reference")
def hpc_neg_wandb_env(r):
    return """Our RSE said never to put the W&B key in job scripts, so I changed it to this, but now runs don't sync at all:

#SBATCH --export=NONE
source ~/.bashrc_secrets      # defines WANDB_API_KEY, chmod 600
export WANDB_API_KEY="${WANDB_API_KEY:?WANDB_API_KEY not set}"
export WANDB_DIR=$SCRATCH/wandb
srun python train.py

Does --export=NONE wipe the variable before srun starts?"""


@tpl("hpc", "fr", "not_secret", "password_prompt")
def hpc_neg_passwd_prompt(r):
    return """Première connexion au mésocentre : on m'a demandé de changer le mot de passe provisoire et ça boucle.

$ ssh dupont@front.mesocentre.univ-exemple.fr
(dupont@front.mesocentre.univ-exemple.fr) Password:
You are required to change your password immediately (administrator enforced)
Current password:
New password:
Retype new password:
passwd: Authentication token manipulation error
Connection to front.mesocentre.univ-exemple.fr closed.

Qu'est-ce qui cause « Authentication token manipulation error » ?"""


@tpl("hpc", "ja", "not_secret", "password_policy")
def hpc_neg_policy(r):
    return """研究室の新入生向けに、計算機センターのアカウント申請手順を書き直したいです。元の文章は以下です。

・パスワードは12文字以上、英大文字・英小文字・数字・記号のうち3種類以上を含めること
・過去5回に使用したパスワードは再利用不可
・初回ログイン後、passwd コマンドで必ず変更すること
・パスワードを研究室のWikiやSlackに書かないこと（発覚した場合はアカウント停止）
・公開鍵認証への移行を推奨します

もっと読みやすい箇条書きにしてもらえますか？"""


@tpl("hpc", "zh", "not_secret", "identifier")
def hpc_neg_nvidia_uuid(r):
    u1, u2 = uuid4(r), uuid4(r)
    return f"""我在 Slurm 里申请了两张卡，但 PyTorch 只看到一张。nvidia-smi -L 的输出：

GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-{u1})
GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-{u2})

echo $CUDA_VISIBLE_DEVICES 输出的是 0。是不是 --gres 写法不对？"""


@tpl("hpc", "en", "not_secret", "redacted")
def hpc_neg_slurm_jwt_redacted(r):
    iat = ts(r)
    head = b64url_json({"alg": "HS256", "typ": "JWT"})
    return f"""Our slurmrestd tokens expire after 30 minutes even though I ask for a day. Output (token cut by me):

$ scontrol token username=svc_pipeline lifespan=86400
SLURM_JWT={head}.[redacted]

slurm.conf has AuthAltTypes=auth/jwt and AuthAltParameters=jwt_key=/etc/slurm/jwt_hs256.key. Is there a max lifespan setting somewhere?"""


@tpl("hpc", "pl", "not_secret", "checksum")
def hpc_neg_sha256sum(r):
    lines = "\n".join(f"{fake_sha256(r)}  {n}" for n in
                      ["sample_01_R1.fastq.gz", "sample_01_R2.fastq.gz", "sample_02_R1.fastq.gz"])
    return f"""Po skopiowaniu danych z sekwenatora na klaster sumy kontrolne się nie zgadzają dla jednego pliku. To plik od firmy:

{lines}

a `sha256sum -c` mówi „sample_02_R1.fastq.gz: FAILED”. Czy rsync mógł uszkodzić plik, czy lepiej pobrać jeszcze raz?"""


@tpl("hpc", "en", "not_secret", "placeholder")
def hpc_neg_kaggle_placeholder(r):
    return """Can you turn this into a step-by-step for first-year students? Draft from our course wiki:

1. Log into kaggle.com -> Settings -> API -> "Create New Token".
2. On the cluster: mkdir -p ~/.kaggle
3. Put this into ~/.kaggle/kaggle.json, with your own values:
   {"username": "<your-kaggle-username>", "key": "<paste-the-key-from-kaggle.json-here>"}
4. chmod 600 ~/.kaggle/kaggle.json
5. Test: kaggle datasets list -s "air quality"
"""


@tpl("hpc", "es", "not_secret", "public_key")
def hpc_neg_pubkey(r):
    k = base64.b64encode(b"\x00\x00\x00\x0bssh-ed25519\x00\x00\x00 " + bytes(r.randrange(256) for _ in range(32))).decode()
    return f"""El formulario de alta del clúster me pide "clave pública SSH". He pegado esto, ¿es lo correcto o tendría que ser el otro archivo?

ssh-ed25519 {k} lucia.ferrer@portatil-lab

Lo saqué de ~/.ssh/id_ed25519.pub."""


@tpl("hpc", "sv", "not_secret", "version_string")
def hpc_neg_versions(r):
    return f"""Vi får "CUDA driver version is insufficient for CUDA runtime version" på de nya noderna. Här är vad jag ser:

$ nvidia-smi | head -4
| NVIDIA-SMI 535.{r.randrange(100,200)}.{r.randrange(10,99)}   Driver Version: 535.{r.randrange(100,200)}.{r.randrange(10,99)}   CUDA Version: 12.2 |
$ module list
  1) GCCcore/13.2.0   2) CUDA/12.4.0   3) cuDNN/8.9.7.29-CUDA-12.4.0   4) PyTorch/2.3.0-foss-2023b-CUDA-12.4.0

Ska jag ladda en äldre CUDA-modul eller be driften uppgradera drivrutinen?"""


@tpl("hpc", "it", "not_secret", "out_of_band_notice")
def hpc_neg_sms_notice(r):
    return """Ciao Giulia,
l'account sul cluster del dipartimento (utente: gferraro) è stato creato. La password iniziale non te la mando per mail: ti arriva con un SMS al numero che hai indicato nel modulo, e al primo accesso ti verrà chiesto di cambiarla.
Per la VPN usa le credenziali di Ateneo, non quelle del cluster.
Se tra un'ora non hai ricevuto l'SMS scrivimi su Teams.
Marco (servizio calcolo)"""


@tpl("hpc", "ko", "not_secret", "identifier")
def hpc_neg_sacct(r):
    rows = "\n".join(
        f"{digits(r, 7)}      {n:<10} gpu         lab_kim          8  {st}"
        for n, st in (("train_a", "COMPLETED"), ("train_b", "FAILED"), ("eval", "CANCELLED+")))
    return f"""어제 돌린 작업들이 왜 실패했는지 보고 싶어요. sacct 결과입니다.

JobID        JobName    Partition   Account      AllocCPUS  State
------------ ---------- ----------- ------------ ---------- ----------
{rows}

FAILED 난 작업의 로그를 어떻게 찾나요?"""


@tpl("hpc", "en", "not_secret", "identifier")
def hpc_neg_mlflow_runid(r):
    rid, eid = hx(r, 32), digits(r, 18)
    return f"""How do I reload the model from a previous MLflow run on a different machine? From the UI:

Run ID: {rid}
Experiment ID: {eid}
Artifact URI: s3://lab-mlflow-artifacts/{eid}/{rid}/artifacts

I tried mlflow.pyfunc.load_model("runs:/{rid}/model") and got RESOURCE_DOES_NOT_EXIST."""


# ================================================================ repository
@tpl("repository", "en", "secret", "zenodo_token")
def repo_zenodo_requests(r):
    k = rs(r, 60)
    dep = digits(r, 8)
    return f"""The upload to our Zenodo deposition returns 403 on the bucket PUT. Code (from the Zenodo REST docs, slightly edited):

import requests
ACCESS_TOKEN = "{S("zenodo_token", k)}"
r = requests.get("https://zenodo.org/api/deposit/depositions/{dep}",
                 params={{"access_token": ACCESS_TOKEN}})
bucket_url = r.json()["links"]["bucket"]
with open("survey_wave3.csv", "rb") as fp:
    requests.put(f"{{bucket_url}}/survey_wave3.csv", data=fp,
                 params={{"access_token": ACCESS_TOKEN}})

The deposition was published last year, I'm trying to add a new version."""


@tpl("repository", "de", "secret", "figshare_token")
def repo_figshare_r(r):
    k = hx(r, 128)
    return f"""Kannst du mir helfen, dieses R-Skript so umzubauen, dass es alle Dateien eines Ordners hochlädt? Im Moment lädt es nur eine Datei zu unserem Figshare-Projekt hoch:

library(httr)
fs_token <- "{S("figshare_token", k)}"
res <- POST("https://api.figshare.com/v2/account/articles",
            add_headers(Authorization = paste("token", fs_token)),
            body = list(title = "Messreihe Bodenfeuchte 2025"), encode = "json")
stop_for_status(res)"""


@tpl("repository", "en", "secret", "dataverse_api_token")
def repo_dataverse_curl(r):
    k = uuid4(r)
    return f"""Replacing a file in our Harvard Dataverse dataset gives "Forbidden". I'm a curator on the collection:

curl -H "X-Dataverse-key:{S("dataverse_api_token", k)}" -X POST \\
  -F 'file=@codebook_v2.pdf' \\
  -F 'jsonData={{"description":"Codebook, revised","forceReplace":true}}' \\
  "https://dataverse.harvard.edu/api/files/{digits(r, 7)}/replace"

The same token works for listing files."""


@tpl("repository", "fr", "secret", "osf_token")
def repo_osf_env(r):
    k = rs(r, 70)
    return f"""Notre préenregistrement est sur OSF et je voudrais synchroniser le dossier des analyses avec osfclient depuis le serveur de l'équipe. J'ai mis ça dans le crontab :

OSF_USERNAME=c.lambert@univ-exemple.fr
OSF_TOKEN={S("osf_token", k)}
15 2 * * * cd /data/prereg && osf -p a7kx2 upload -r -U analyses/ analyses/

Rien n'est envoyé et aucun message d'erreur. Le crontab voit-il ces variables ?"""


@tpl("repository", "en", "secret", "orcid_client_secret")
def repo_orcid_client_creds(r):
    cid = "APP-" + rs(r, 16, UP + DIG)
    sec = uuid4(r)
    return f"""Our library wants to pull public works for all faculty ORCID iDs into the repository. I get "invalid_client" from the token endpoint:

curl -i -H "Accept: application/json" \\
  -d "client_id={cid}" \\
  -d "client_secret={S("orcid_client_secret", sec)}" \\
  -d "scope=/read-public" -d "grant_type=client_credentials" \\
  https://orcid.org/oauth/token

The credentials are from the public API registration in my ORCID developer tools page."""


@tpl("repository", "nl", "secret", "crossref_plus_token")
def repo_crossref_plus(r):
    tok = jwt(r, {"jti": uuid4(r), "iat": ts(r), "sub": "plus-" + rs(r, 10, LO + DIG)}, sig_bytes=32)
    return f"""Onze bibliotheek heeft een Metadata Plus-abonnement bij Crossref. Waarom krijg ik dan toch rate limits met dit script?

import requests
HEADERS = {{
    "Crossref-Plus-API-Token": "Bearer {S("crossref_plus_token", tok)}",
    "User-Agent": "UB-Bibliometrie/1.2 (mailto:bibliometrie@ub.example.nl)",
}}
url = "https://api.crossref.org/works?filter=from-pub-date:2024-01-01,prefix:10.5117&rows=1000&cursor=*"
print(requests.get(url, headers=HEADERS).status_code)"""


@tpl("repository", "it", "secret", "zotero_api_key")
def repo_pyzotero(r):
    k = rs(r, 24)
    lib = digits(r, 7)
    return f"""Vorrei esportare la bibliografia del gruppo di ricerca da Zotero in BibTeX ogni notte. Con questo codice ottengo solo 25 voci su 600, perché?

from pyzotero import zotero
zot = zotero.Zotero("{lib}", "group", "{S("zotero_api_key", k)}")
items = zot.top()
with open("gruppo.bib", "w") as f:
    f.write(zot.items(format="bibtex"))

La chiave ha accesso in lettura alla libreria di gruppo."""


@tpl("repository", "en", "secret", "overleaf_token")
def repo_overleaf_git(r):
    k = "olp_" + rs(r, 36)
    pid = hx(r, 24)
    return f"""I want my thesis Overleaf project mirrored to the department GitLab every hour. This is in the runner's script, but the clone fails with "Authentication failed":

git clone https://git:{S("overleaf_token", k)}@git.overleaf.com/{pid} thesis
cd thesis && git push --mirror git@gitlab.dept.example.edu:phd/thesis.git

Overleaf says Git integration is enabled on my account."""


@tpl("repository", "es", "secret", "password")
def repo_crossref_deposit(r):
    p = pw(r, "cfg")
    return f"""La revista de la facultad deposita los DOI en Crossref con este comando, y desde enero responde "Invalid login". ¿Ha cambiado algo en el servicio?

curl -F 'operation=doMDUpload' \\
     -F 'login_id=revistahum' \\
     -F 'login_passwd={S("password", p)}' \\
     -F 'fname=@lote_2025_02.xml' \\
     https://doi.crossref.org/servlet/deposit

El XML valida bien contra el esquema 5.3.1."""


@tpl("repository", "pt", "secret", "password")
def repo_dspace_login(r):
    p = pw(r, "cfg")
    return f"""Estou automatizando a submissão de teses no repositório institucional (DSpace 7). O login pela API devolve 401 CSRF token mismatch. Segue o trecho:

s = requests.Session()
s.get("https://repositorio.univ.example.br/server/api/authn/status")
csrf = s.cookies.get("DSPACE-XSRF-COOKIE")
r = s.post("https://repositorio.univ.example.br/server/api/authn/login",
           data={{"user": "bot.teses@univ.example.br", "password": "{S("password", p)}"}},
           headers={{"X-XSRF-TOKEN": csrf}})
print(r.status_code)

Alguém sabe se o cookie muda depois do primeiro GET?"""


@tpl("repository", "ja", "secret", "orcid_access_token")
def repo_orcid_member_token(r):
    tok = uuid4(r)
    oid = "0000-000%d-%s-%s" % (r.randrange(1, 4), digits(r, 4, False), digits(r, 3, False) + r.choice(DIG + "X"))
    return f"""大学のリポジトリからORCIDに業績を書き込む処理で 401 が返ってきます。会員APIのトークンは3-leggedで取得済みです。

curl -X POST "https://api.orcid.org/v3.0/{oid}/work" \\
  -H "Content-Type: application/vnd.orcid+xml" \\
  -H "Authorization: Bearer {S("orcid_access_token", tok)}" \\
  -d @work.xml

scope は /activities/update で取得しています。"""


@tpl("repository", "sv", "secret", "password")
def repo_datacite_fabrica(r):
    p = pw(r, "url")
    return f"""Vi registrerar DOI:er för forskningsdata via DataCite och får 401 när vi testar mot produktion. Testmiljön fungerar. Kommandot:

curl -X PUT -H "Content-Type: application/vnd.api+json" \\
  --user SND.GU:{S("password", p)} \\
  -d @doi.json https://api.datacite.org/dois/10.5878/{rs(r, 4, LO + DIG)}-{rs(r, 4, LO + DIG)}

Är lösenordet för repositoryt ett annat i produktion än i testmiljön?"""


@tpl("repository", "en", "not_secret", "secret_reference")
def repo_neg_zenodo_env(r):
    return """Can you review our GitHub Action that publishes a Zenodo version on release? I followed the advice to keep the token out of the repo:

- name: Upload to Zenodo
  env:
    ZENODO_TOKEN: ${{ secrets.ZENODO_TOKEN }}
  run: |
    python scripts/zenodo_publish.py \\
      --deposition "$DEPOSITION_ID" \\
      --token-env ZENODO_TOKEN \\
      --files dist/*.tar.gz

Anything else you would harden?"""


@tpl("repository", "de", "not_secret", "persistent_identifier")
def repo_neg_orcid_list(r):
    def oid():
        base = "0000-000%d-%s-%s" % (r.randrange(1, 4), digits(r, 4, False), digits(r, 3, False))
        return base + r.choice(DIG + "X")
    rows = "\n".join(f"{n:<18} {oid()}   {a}" for n, a in (
        ("Hanna Vogt", "Universität Leipzig"), ("Tomasz Nowicki", "MPI für Evolutionäre Anthropologie"),
        ("Amina Yusuf", "Universität Leipzig")))
    return f"""Für die Metadaten unseres Datensatzes brauche ich die Autorenliste im DataCite-XML-Format. Hier die Angaben:

Name               ORCID                 Affiliation
{rows}

Bitte mit nameIdentifierScheme="ORCID" und schemeURI ausgeben."""


@tpl("repository", "en", "not_secret", "persistent_identifier")
def repo_neg_doi_versions(r):
    rec = int(digits(r, 8))
    return f"""Which DOI should go into the paper's data availability statement? Zenodo shows:

Concept DOI (all versions): 10.5281/zenodo.{rec}
Version v1.2.0: 10.5281/zenodo.{rec + 3}  (published 2025-03-14)
Version v1.1.0: 10.5281/zenodo.{rec + 1}
Record: https://zenodo.org/records/{rec + 3}

The journal wants "a persistent identifier that will not change"."""


@tpl("repository", "fr", "not_secret", "secret_reference")
def repo_neg_dataverse_env(r):
    return f"""Je dépose les fichiers d'une enquête sur Recherche Data Gouv avec ce script, mais l'upload de gros fichiers échoue (413). Le jeton est lu depuis l'environnement :

API_TOKEN="$(pass show rdg/api-token)"
PERSISTENT_ID="doi:10.57745/{rs(r, 6, UP + DIG)}"
curl -H "X-Dataverse-key:$API_TOKEN" -X POST \\
  -F "file=@entretiens_2024.zip" \\
  "https://entrepot.recherche.data.gouv.fr/api/datasets/:persistentId/add?persistentId=$PERSISTENT_ID"

Faut-il passer par l'upload direct S3 ?"""


@tpl("repository", "en", "not_secret", "identifier")
def repo_neg_orcid_client_id(r):
    cid = "APP-" + rs(r, 16, UP + DIG)
    return f"""Registering our repository's "Sign in with ORCID" button. Settings we entered:

Client ID: {cid}
Redirect URIs: https://repository.example.edu/orcid/callback
               https://repository-test.example.edu/orcid/callback
Scopes: /authenticate openid

The client secret is in the library's password manager (entry "ORCID public API"). Is /authenticate enough to get the iD and name?"""


@tpl("repository", "zh", "not_secret", "masked_key")
def repo_neg_zotero_masked(r):
    k = rs(r, 24)
    return f"""Zotero 插件同步报错 “403 Forbidden”。设置页面显示的是这样：

用户 ID：{digits(r, 7)}
API 密钥：{k[:4]}••••••••••••••••{k[-2:]}（已隐藏）
权限：个人文献库 读/写，群组 无

我需要重新生成一个有群组写权限的密钥吗？"""


@tpl("repository", "tr", "not_secret", "checksum")
def repo_neg_figshare_md5(r):
    return f"""Figshare'den indirdiğim veri setinin dosyaları bozuk olabilir mi? Sayfadaki MD5 değerleri ile benim hesapladığım değerler farklı:

Dosya                      Figshare MD5                        Benim md5sum
anket_dalga1.sav           {hx(r, 32)}    {hx(r, 32)}
anket_dalga2.sav           {hx(r, 32)}    (aynı)

İndirmeyi tarayıcı yerine wget ile tekrar denemeli miyim?"""


@tpl("repository", "en", "not_secret", "no_credential")
def repo_neg_crossref_mailto(r):
    return """Is this the right way to get into Crossref's "polite" pool? We don't have a Plus subscription.

import requests
params = {"query.bibliographic": title, "rows": 3, "mailto": "scholcomm@library.example.edu"}
headers = {"User-Agent": "RefChecker/0.4 (https://github.com/example-lib/refchecker; mailto:scholcomm@library.example.edu)"}
requests.get("https://api.crossref.org/works", params=params, headers=headers, timeout=30)"""


@tpl("repository", "pl", "not_secret", "identifier")
def repo_neg_osf_guid(r):
    g = rs(r, 5, LO + DIG)
    return f"""Recenzent prosi o link do prerejestracji. Mam w notatkach:

Projekt OSF: https://osf.io/{g}/
Prerejestracja: https://osf.io/{rs(r, 5, LO + DIG)} (zarejestrowana 12.02.2025, embargo do 30.06.2025)
Link tylko do odczytu dla recenzentów: https://osf.io/{g}/?view_only={hx(r, 32)}

Który z nich wkleić do listu do redakcji, żeby nie ujawnić nazwisk autorów?"""


@tpl("repository", "it", "not_secret", "rotation_notice")
def repo_neg_overleaf_revoked(r):
    return """Ciao a tutti,
ieri per errore ho incollato il mio token Git di Overleaf nel canale #tesi. L'ho già revocato dal pannello Account → Git integration e ne ho generato uno nuovo, che NON condivido qui. Chi aveva clonato il progetto di gruppo con il mio token dovrà rifare il clone con le proprie credenziali.
Scusate, Elena"""


@tpl("repository", "id", "not_secret", "placeholder")
def repo_neg_zenodo_placeholder(r):
    return """Tolong jelaskan kode ini baris per baris untuk mahasiswa saya. Ini contoh mengunggah data ke Zenodo Sandbox:

import requests
ACCESS_TOKEN = "GANTI_DENGAN_TOKEN_SANDBOX_ANDA"
headers = {"Content-Type": "application/json"}
r = requests.post("https://sandbox.zenodo.org/api/deposit/depositions",
                  params={"access_token": ACCESS_TOKEN}, json={}, headers=headers)
print(r.status_code, r.json())"""


@tpl("repository", "en", "not_secret", "git_sha")
def repo_neg_release_sha(r):
    sha = hx(r, 40)
    return f"""For the software citation I need to say exactly which code produced the figures. Our release page:

Release v2.0.1 ("reviewer fixes")
Commit: {sha}
Tag object: {hx(r, 40)}
Archived: Software Heritage swh:1:rev:{sha}

Should CITATION.cff use the commit, the tag or the SWHID?"""


# ================================================================ campus
@tpl("campus", "en", "secret", "password")
def campus_wpa_eduroam(r):
    p = pw(r, "cfg")
    return f"""My Raspberry Pi sensor box won't join eduroam in the greenhouse. /etc/wpa_supplicant/wpa_supplicant.conf:

network={{
    ssid="eduroam"
    key_mgmt=WPA-EAP
    eap=PEAP
    identity="jm2291@uni-example.ac.uk"
    anonymous_identity="anonymous@uni-example.ac.uk"
    password="{S("password", p)}"
    ca_cert="/etc/ssl/certs/eduroam-ca.pem"
    domain_suffix_match="radius.uni-example.ac.uk"
    phase2="auth=MSCHAPV2"
}}

journalctl shows "CTRL-EVENT-EAP-FAILURE EAP authentication failed"."""


@tpl("campus", "de", "secret", "password")
def campus_nmcli_eduroam(r):
    p = pw(r, "cfg")
    return f"""Ich richte eduroam auf dem Laborlaptop (Ubuntu, ohne GUI) ein. Nach diesem Befehl verbindet er sich trotzdem nicht:

nmcli con add type wifi con-name eduroam ifname wlp2s0 ssid eduroam -- \\
  wifi-sec.key-mgmt wpa-eap 802-1x.eap peap 802-1x.phase2-auth mschapv2 \\
  802-1x.identity "k.schulze@tu-example.de" \\
  802-1x.password "{S("password", p)}" \\
  802-1x.ca-cert /usr/share/ca-certificates/eduroam/T-TeleSec_GlobalRoot_Class_2.crt

Fehlt da die anonymous identity?"""


@tpl("campus", "fr", "secret", "moodle_token")
def campus_moodle_wstoken(r):
    k = hx(r, 32)
    return f"""Je veux récupérer la liste des inscrits d'un cours Moodle pour faire les groupes de TP. L'appel suivant renvoie « accessexception » :

https://moodle.univ-exemple.fr/webservice/rest/server.php?wstoken={S("moodle_token", k)}&wsfunction=core_enrol_get_enrolled_users&courseid=4187&moodlewsrestformat=json

Le jeton a été créé par le service TICE pour mon compte enseignant. Quelle capacité manque-t-il ?"""


@tpl("campus", "en", "secret", "canvas_token")
def campus_canvas_token(r):
    k = "%d~%s" % (r.randrange(1000, 25000), rs(r, 64))
    return f"""Bulk-posting late-penalty comments to Canvas gives 401. I'm the teacher on the course, token generated under Account > Settings:

from canvasapi import Canvas
canvas = Canvas("https://canvas.example.edu", "{S("canvas_token", k)}")
course = canvas.get_course({digits(r, 6)})
for sub in course.get_assignment({digits(r, 7)}).get_submissions():
    if sub.late:
        sub.edit(comment={{"text_comment": "Late penalty applied (10%)"}})"""


@tpl("campus", "es", "secret", "qualtrics_api_token")
def campus_qualtrics(r):
    k = rs(r, 40)
    sid = "SV_" + rs(r, 15)
    return f"""Necesito descargar automáticamente las respuestas de la encuesta de satisfacción docente. Con este código la exportación se queda en "inProgress" para siempre:

import requests, time
BASE = "https://fra1.qualtrics.com/API/v3"
H = {{"X-API-TOKEN": "{S("qualtrics_api_token", k)}", "Content-Type": "application/json"}}
r = requests.post(f"{{BASE}}/surveys/{sid}/export-responses", headers=H, json={{"format": "csv"}})
pid = r.json()["result"]["progressId"]
while requests.get(f"{{BASE}}/surveys/{sid}/export-responses/{{pid}}", headers=H).json()["result"]["status"] != "complete":
    time.sleep(2)"""


@tpl("campus", "en", "secret", "redcap_api_token")
def campus_redcap_r(r):
    k = hx(r, 32, True)
    return f"""Our REDCap export in R drops all the checkbox fields. Minimal example:

library(REDCapR)
uri   <- "https://redcap.med.example.edu/api/"
token <- "{S("redcap_api_token", k)}"
ds <- redcap_read(redcap_uri = uri, token = token,
                  forms = c("baseline", "followup_6m"))$data
str(ds$symptoms___1)

It says `object of type 'NULL'`. The project is the cohort study, I have API export rights."""


@tpl("campus", "nl", "secret", "password")
def campus_limesurvey_rpc(r):
    p = pw(r, "cfg")
    return f"""Ik probeer de antwoorden van onze LimeSurvey-enquête op te halen via RemoteControl 2, maar get_session_key geeft {{"status": "Invalid user name or password"}}. Inloggen via de webinterface werkt wel.

payload = {{"method": "get_session_key",
           "params": ["onderzoek_fsw", "{S("password", p)}"],
           "id": 1}}
requests.post("https://enquete.fsw.example.nl/index.php/admin/remotecontrol", json=payload)

Staat de JSON-RPC-interface misschien uit?"""


@tpl("campus", "pt", "secret", "password")
def campus_sso_temp_email(r):
    p = pw(r, "prose", shape=r.choice(["random", "word"]))
    return f"""Assunto: Sua conta institucional foi criada

Prezada Profa. Helena Duarte,

Sua conta de acesso aos sistemas da universidade (SIGAA, e-mail e Wi-Fi) foi criada.
Usuário: helena.duarte
Senha provisória: {S("password", p)}

No primeiro acesso em https://sso.univ.example.br será solicitada a troca da senha.

Atenciosamente,
Superintendência de Tecnologia da Informação

---
Pode me ajudar a responder agradecendo e perguntando se a senha também vale para o eduroam?"""


@tpl("campus", "tr", "secret", "password")
def campus_openconnect(r):
    p = pw(r, "cfg")
    return f"""Üniversitenin VPN'ine laboratuvardaki Linux makineden otomatik bağlanmak istiyorum. systemd servisinde şu satır var ama bağlantı her gece kopuyor ve tekrar kurulmuyor:

ExecStart=/bin/sh -c 'echo "{S("password", p)}" | /usr/sbin/openconnect --protocol=anyconnect --user=ahmet.yilmaz --passwd-on-stdin vpn.universite.edu.tr'
Restart=on-failure

Restart=always mı yapmalıyım?"""


@tpl("campus", "ko", "secret", "password")
def campus_lms_group_share(r):
    p = pw(r, "prose", shape=r.choice(["word", "walk", "leet"]))
    return f"""[카카오톡 - 캡스톤 3조]
민서: 교수님이 조별 과제는 조장 계정으로만 제출하래
민서: 이클래스 아이디 20231457 비번 {S("password", p)} 이야
민서: 제출만 하고 다른 건 건드리지 말아줘ㅠ
준호: ㅇㅋ 내가 오늘 밤에 올릴게

이 대화 내용을 바탕으로 조원들에게 보낼 공지문을 정중하게 써 줘."""


@tpl("campus", "id", "secret", "password")
def campus_moodle_configphp(r):
    p = pw(r, "cfg")
    return f"""Setelah migrasi server, Moodle fakultas kami menampilkan "Error: Database connection failed". Ini isi config.php:

<?php
unset($CFG);
global $CFG;
$CFG = new stdClass();
$CFG->dbtype    = 'mariadb';
$CFG->dbhost    = '10.20.3.15';
$CFG->dbname    = 'moodle_fkip';
$CFG->dbuser    = 'moodleuser';
$CFG->dbpass    = '{S("password", p)}';
$CFG->wwwroot   = 'https://elearning.fkip.example.ac.id';

Apakah user MariaDB perlu diberi akses dari IP baru?"""


@tpl("campus", "en", "secret", "lti_shared_secret")
def campus_lti_secret(r):
    ck = "labsim_" + rs(r, 8, LO + DIG)
    sec = rs(r, 32)
    return f"""Adding the chemistry virtual-lab tool to Moodle as an LTI 1.1 external tool. The vendor e-mailed these:

Tool URL: https://vlab.vendor.example.com/lti/launch
Consumer key: {ck}
Shared secret: {S("lti_shared_secret", sec)}

Launch fails with "OAuth signature verification failed". Is Moodle sending the wrong launch URL?"""


@tpl("campus", "sw", "secret", "password")
def campus_sw_eduroam(r):
    p = pw(r, "prose", shape=r.choice(["word", "two"]))
    return f"""Habari, naomba unisaidie kuandika ujumbe mfupi wa WhatsApp kwa wanafunzi wapya. Huu ndio ujumbe wa mratibu:

"Wanafunzi wa mwaka wa kwanza: kuunganisha Wi-Fi ya maktaba kabla akaunti zenu hazijawashwa, tumieni akaunti ya muda. Jina: maktaba.mgeni@chuo.example.ac.tz, nenosiri: {S("password", p)}. Akaunti hii itazimwa tarehe 30."

Iwe fupi na rafiki."""


@tpl("campus", "ja", "secret", "pin")
def campus_ja_print_pin(r):
    p = pin(r, 4)
    return f"""研究室の引き継ぎメモを丁寧な文章に直してください。

・複合機（3F コピー室）は学生証をかざせば使える
・学生証を忘れたときは研究室共用の印刷IDで：ID 7730、PIN {S("pin", p)}
・カラー印刷は月200枚まで、超えたら秘書さんに相談
・トナーの予備は棚の一番下"""


@tpl("campus", "en", "not_secret", "placeholder")
def campus_neg_eduroam_placeholder(r):
    return """Can you make this eduroam setup guide for Linux students clearer? Current text:

Edit /etc/wpa_supplicant/wpa_supplicant.conf and add:

network={
    ssid="eduroam"
    key_mgmt=WPA-EAP
    eap=PEAP
    identity="<your-username>@uni-example.ac.uk"
    anonymous_identity="anonymous@uni-example.ac.uk"
    password="<your university password>"
    ca_cert="/etc/ssl/certs/eduroam-ca.pem"
    phase2="auth=MSCHAPV2"
}

Never use an app password or your PIN here."""


@tpl("campus", "de", "not_secret", "request_id")
def campus_neg_vpn_log(r):
    return f"""Die Uni-VPN bricht bei mir alle 10 Minuten ab. Log von openconnect:

POST https://vpn.uni-example.de/
Connected to {ipv4(r, "141.20.8")}:443
SSL negotiation with vpn.uni-example.de
Connected to HTTPS on vpn.uni-example.de with ciphersuite (TLS1.3)-(ECDHE-SECP256R1)-(RSA-PSS-RSAE-SHA256)-(AES-256-GCM)
Got CONNECT response: HTTP/1.1 200 OK
X-CSTP-Session-ID: {hx(r, 16, True)}
DTLS handshake timed out
Dead Peer Detection detected dead peer!

Liegt das am DTLS?"""


@tpl("campus", "fr", "not_secret", "out_of_band_notice")
def campus_neg_enrol_key(r):
    return """Bonjour à toutes et à tous,
l'espace Moodle du cours « Statistiques pour la psychologie (L2) » est ouvert. L'inscription se fait avec une clé d'inscription que je donnerai oralement au premier CM, lundi. Merci de ne pas la diffuser sur les groupes Discord de promo.
Les étudiants en dispense d'assiduité peuvent me la demander par mail depuis leur adresse universitaire.
Bonne rentrée,
M. Girard

Tu peux reformuler ce message pour qu'il soit plus chaleureux ?"""


@tpl("campus", "es", "not_secret", "identifier")
def campus_neg_qualtrics_ids(r):
    rows = "\n".join(f"R_{rs(r, 15)}   {d}   {pr}" for d, pr in (("2025-03-02", "100"), ("2025-03-02", "64"), ("2025-03-03", "100")))
    return f"""¿Por qué en la exportación de Qualtrics algunas respuestas tienen Progress menor que 100 pero Finished = True? Ejemplo (encuesta SV_{rs(r, 15)}):

ResponseId           RecordedDate  Progress
{rows}

¿Debo excluir las de 64 del análisis?"""


@tpl("campus", "en", "not_secret", "redacted")
def campus_neg_redcap_redacted(r):
    return """Our data manager wants the REDCap pull scripted in Python. Here's the R version; the token is blanked because the IRB protocol forbids sharing it:

token <- "[REDACTED - see study binder]"
ds <- REDCapR::redcap_read(redcap_uri = "https://redcap.med.example.edu/api/",
                           token = token, events = c("baseline_arm_1"))$data

Can you translate it to PyCap, keeping the same event filter?"""


@tpl("campus", "nl", "not_secret", "password_policy")
def campus_neg_policy_nl(r):
    return """Kun je deze tekst van de ICT-dienst vertalen naar eenvoudig Engels voor internationale studenten?

"Je universiteitswachtwoord moet minimaal 14 tekens lang zijn en mag je naam of studentnummer niet bevatten. We raden een wachtzin van vier of meer woorden aan. Je wachtwoord verloopt niet meer automatisch, maar bij een vermoeden van misbruik wordt het direct geblokkeerd. Gebruik voor eduroam en e-mail op je telefoon altijd hetzelfde universiteitsaccount, en nooit een wachtwoord dat je ook elders gebruikt.\""""


@tpl("campus", "pt", "not_secret", "reset_notice")
def campus_neg_reset_pt(r):
    return """Recebi este e-mail e não sei se é golpe:

"Prezado(a) usuário(a), a senha da sua conta institucional expira em 3 dias. Para redefini-la, acesse o portal oficial https://senha.univ.example.br e siga as instruções. A STI nunca solicita sua senha por e-mail ou telefone."

O endereço do remetente é sti-noreply@univ.example.br. Parece legítimo?"""


@tpl("campus", "zh", "not_secret", "certificate")
def campus_neg_ca_cert(r):
    body = base64.b64encode(bytes(r.randrange(256) for _ in range(540))).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"""学校信息中心让我们配置 eduroam 时导入这个根证书，我在安卓手机上导入时提示“无法安装证书”。证书内容如下：

-----BEGIN CERTIFICATE-----
{lines}
-----END CERTIFICATE-----

是不是要先保存成 .crt 文件？"""


@tpl("campus", "en", "not_secret", "identifier")
def campus_neg_canvas_devkey(r):
    return f"""Setting up an LTI 1.3 tool in Canvas. The admin gave me:

Client ID: 1000000000{digits(r, 5)}
Deployment ID: {digits(r, 3)}:{hx(r, 40)}
Issuer: https://canvas.instructure.com
JWKS URL: https://sso.canvaslms.com/api/lti/security/jwks

Where do these go in the tool's .env? We sign with our own RSA key."""


@tpl("campus", "it", "not_secret", "username")
def campus_neg_matricola(r):
    m = digits(r, 6)
    return f"""Non riesco ad accedere al portale esami. Il messaggio è "utente non riconosciuto". Sto usando:

Nome utente: m.rossi{digits(r, 2)}@studenti.unimi.example.it
Matricola: {m}
Codice fiscale: inserito correttamente

La password la so, funziona sulla mail. Devo scrivere alla segreteria o all'help desk informatico?"""


@tpl("campus", "ko", "not_secret", "password_hint")
def campus_neg_hint_ko(r):
    return """학교 포털 비밀번호 찾기에서 힌트가 이렇게 나와요.

비밀번호 힌트: "첫 번째 반려견 이름 + 입학 연도"

근데 제가 강아지 이름을 영어로 썼는지 한글 자판으로 썼는지 기억이 안 나요. 재설정하려면 어떻게 해야 하나요?"""


@tpl("campus", "sw", "not_secret", "security_advice")
def campus_neg_sw_advice(r):
    return """Nisaidie kutafsiri tangazo hili kwa Kiingereza kwa ajili ya tovuti ya chuo:

"TAHADHARI: Kitengo cha TEHAMA hakitawahi kukuomba nenosiri lako kupitia barua pepe, SMS au simu. Ukipokea ujumbe unaokuomba kuthibitisha akaunti yako ya mwanafunzi kwa kubofya kiungo, usibofye. Badilisha nenosiri lako mara moja kupitia portal rasmi na uripoti kwa helpdesk@chuo.example.ac.tz.\""""


@tpl("campus", "en", "not_secret", "secret_reference")
def campus_neg_limesurvey_env(r):
    return """Could you add retry logic to this LimeSurvey export helper?

import os, requests
URL = "https://survey.example.edu/index.php/admin/remotecontrol"
def session_key():
    body = {"method": "get_session_key",
            "params": [os.environ["LS_USER"], os.environ["LS_PASSWORD"]], "id": 1}
    return requests.post(URL, json=body, timeout=20).json()["result"]"""


@tpl("campus", "sv", "not_secret", "secret_reference")
def campus_neg_moodle_getenv(r):
    return """Vi kör Moodle i Docker på institutionen och har flyttat lösenordet ur config.php. Är det här rätt sätt?

$CFG->dbtype = 'pgsql';
$CFG->dbhost = getenv('MOODLE_DB_HOST');
$CFG->dbname = 'moodle';
$CFG->dbuser = getenv('MOODLE_DB_USER');
$CFG->dbpass = getenv('MOODLE_DB_PASSWORD');

docker-compose läser värdena från en .env-fil som inte ligger i git. Cron-jobbet hittar dock inte variablerna."""


# ================================================================ lab
@tpl("lab", "en", "secret", "password")
def lab_handover_microscope(r):
    p1 = pw(r, "prose")
    return f"""Please tidy up my handover notes for the confocal before I leave on Friday:

- Confocal PC (Zeiss LSM 980, room B2.14) logs in automatically as "MicUser". If it ever asks, local admin is .\\Administrator / {S("password", p1)}
- Never install Windows updates during a booked session, the ZEN licence server times out.
- Export to the facility NAS, not USB sticks.
- Laser warm-up: 30 min before the first booking.
- Liquid N2 top-up Mondays."""


@tpl("lab", "de", "secret", "password")
def lab_cifs_mount(r):
    p = pw(r, "cfg")
    return f"""Aus unserem Laborwiki, Abschnitt „Messdaten vom Spektrometer-PC holen“. Der Mount klappt seit dem Windows-Update am Messrechner nicht mehr (mount error(13): Permission denied):

sudo mount -t cifs //192.168.50.21/Messdaten /mnt/spektro \\
  -o username=labor,password={S("password", p)},vers=2.0,uid=$(id -u)

Muss ich vers=3.0 nehmen?"""


@tpl("lab", "en", "secret", "elabftw_api_key")
def lab_elabftw(r):
    k = "%d-%s" % (r.randrange(2, 40), hx(r, 84))
    return f"""I'm posting plate-reader results to our eLabFTW as new experiments. The API keeps answering 401 "No Authorization header":

import requests
ELAB = "https://eln.biochem.example.edu/api/v2"
HDR = {{"Authorization": "{S("elabftw_api_key", k)}"}}
resp = requests.post(f"{{ELAB}}/experiments", headers=HDR,
                     json={{"title": "ELISA run 2025-05-07", "tags": ["plate-reader"]}}, verify=False)
print(resp.status_code, resp.text)

The server sits behind the department's nginx, could it strip the header?"""


@tpl("lab", "fr", "secret", "password")
def lab_qpcr_ftp(r):
    p = pw(r, "url")
    return f"""Le thermocycleur de la plateforme dépose ses résultats sur un FTP et mon script de récupération ne trouve aucun fichier. Voici la ligne du cron :

0 * * * * wget -q -r -nH -N "ftp://qpcr_export:{S("password", p)}@192.168.12.40/Results/" -P /data/qpcr/

En lançant wget à la main je vois « 550 Failed to change directory ». Le chemin est-il sensible à la casse ?"""


@tpl("lab", "en", "secret", "benchling_api_key")
def lab_benchling(r):
    k = "sk_" + rs(r, 30)
    return f"""Why does this Benchling API call return an empty list? I can see the entries in the web app.

curl -s -u {S("benchling_api_key", k)}: \\
  "https://ourlab.benchling.com/api/v2/entries?projectId=src_{rs(r, 8)}&pageSize=50"

The key belongs to me and I'm a member of the project."""


@tpl("lab", "it", "secret", "twilio_auth_token")
def lab_freezer_twilio(r):
    sid = "AC" + hx(r, 32)
    tok = hx(r, 32)
    return f"""Il Raspberry che controlla il congelatore a -80 °C dovrebbe mandare un SMS se la temperatura sale sopra -70, ma non arriva niente. Questo è lo script:

from twilio.rest import Client
client = Client("{sid}", "{S("twilio_auth_token", tok)}")
if temp > -70:
    client.messages.create(to="+39347{digits(r, 7, False)}", from_="+1415{digits(r, 7, False)}",
                           body=f"ALLARME -80: {{temp:.1f}} °C")

Nel log Twilio non compare nessun messaggio. Può essere il numero italiano?"""


@tpl("lab", "es", "secret", "dropbox_token")
def lab_dropbox_sync(r):
    k = "sl.B" + rs(r, 135, B64URL)
    return f"""El microscopio guarda las imágenes en C:\\Capturas y queremos subirlas a Dropbox del grupo automáticamente. El script en Python falla con "expired_access_token" al día siguiente:

import dropbox
dbx = dropbox.Dropbox("{S("dropbox_token", k)}")
for f in nuevas_imagenes():
    with open(f, "rb") as fh:
        dbx.files_upload(fh.read(), "/Microscopia/" + f.name)

¿Cómo se usa el refresh token para que no caduque?"""


@tpl("lab", "en", "secret", "slack_bot_token")
def lab_ln2_bot(r):
    k = "xoxb-%s-%s-%s" % (digits(r, 12), digits(r, 13), rs(r, 24))
    return f"""Our lab Slack bot that reminds people about liquid nitrogen fills posts nothing since Monday. Here's the bot:

import os, datetime
from slack_sdk import WebClient
client = WebClient(token="{S("slack_bot_token", k)}")
if datetime.date.today().weekday() == 0:
    client.chat_postMessage(channel="#lab-general", text="LN2 fill today 10:00, sign the sheet!")

Error: not_in_channel"""


@tpl("lab", "ja", "secret", "password")
def lab_ja_remote_desktop(r):
    p = pw(r, "prose", shape=r.choice(["random", "word"]))
    tv = " ".join(digits(r, 3) for _ in range(3))
    return f"""装置メーカーのサポートに遠隔で質量分析計のPCを見てもらうことになりました。以下のメモをメールの文面に整えてください。

・TeamViewer ID: {tv}
・パスワード: {S("password", p)}
・接続可能時間: 5/14 13:00〜15:00（この時間は測定を止めます）
・症状: シーケンス実行中にソフトが固まる（エラーコード 0x80004005）"""


@tpl("lab", "nl", "secret", "pin")
def lab_nl_door_code(r):
    p = pin(r, 5)
    return f"""Kun je dit welkomstbericht voor nieuwe promovendi wat vriendelijker maken?

"Welkom in het lab. De deur van de -80-ruimte (kamer 0.118) gaat open met code {S("pin", p)}, daarna op het hekje drukken. Geef de code niet door aan studenten van andere groepen. Sleutels van de kasten haal je bij Ineke."""


@tpl("lab", "pl", "secret", "gcp_service_account_key")
def lab_gcp_sa_json(r):
    key = k_rsa_pem(r, 1190, escaped=True)
    kid = hx(r, 40)
    return f"""Skrypt z komputera przy czytniku płytek ma wrzucać wyniki do arkusza Google, ale gspread zwraca „invalid_grant: Invalid JWT Signature”. Plik klucza konta usługi (wkleiłem cały):

{{
  "type": "service_account",
  "project_id": "lab-biofizyki-{digits(r, 6)}",
  "private_key_id": "{kid}",
  "private_key": "{S("gcp_service_account_key", key)}\\n",
  "client_email": "czytnik@lab-biofizyki.iam.gserviceaccount.com",
  "client_id": "{digits(r, 21)}",
  "token_uri": "https://oauth2.googleapis.com/token"
}}

Czy zegar na tym komputerze może być przyczyną?"""


@tpl("lab", "en", "not_secret", "serial_number")
def lab_neg_instrument_serials(r):
    return f"""Service request draft for the flow cytometer, can you make it more concise?

Instrument: BD FACSymphony A3
Serial number: R{digits(r, 8)}
Software: FACSDiva 9.0.1, Windows 10 LTSC build 17763.{r.randrange(1000, 6000)}
Licence dongle ID: {hx(r, 8, True)}-{hx(r, 8, True)}
Issue: violet laser power drops to 40 % after ~20 min; CS&T fails with "laser delay out of range"."""


@tpl("lab", "de", "not_secret", "secret_reference")
def lab_neg_keepass(r):
    return """Bitte formuliere diesen Wiki-Abschnitt für neue Doktorandinnen verständlicher:

„Zugänge Geräte-PCs: Alle Logins (HPLC-Rechner, Spektrometer, Messdaten-NAS) stehen im KeePass des Lehrstuhls unter Gruppe ‚Geräte‘. Die Datenbankdatei liegt auf dem Lehrstuhllaufwerk unter \\\\fs01\\ag-chemie\\it\\zugaenge.kdbx, das Master-Passwort gibt euch Frau Lorenz persönlich. Nichts davon in Teams oder E-Mails schreiben.“"""


@tpl("lab", "en", "not_secret", "out_of_band_notice")
def lab_neg_handover_ask(r):
    return """Turn this into a proper handover doc, please:

mass spec (Orbitrap) - PC login: ask Priya in person, she changes it every term
nitrogen generator - service due June, contract no. in the blue folder
sample queue - Google Sheet "MS queue 2025", editors: lab members only
data - copied nightly to the facility NAS; raw files kept 2 years
waste solvents - Thursday pickup, fill the form the day before"""


@tpl("lab", "fr", "not_secret", "identifier")
def lab_neg_anydesk_id(r):
    aid = " ".join(digits(r, 3) for _ in range(3))
    return f"""Le technicien du fournisseur veut prendre la main sur le PC du séquenceur. Je lui ai envoyé seulement l'identifiant AnyDesk ({aid}) et je validerai la connexion moi-même sur place quand il appellera. Est-ce suffisant comme précaution, ou faut-il aussi débrancher le PC du réseau de l'université pendant l'intervention ?"""


@tpl("lab", "en", "not_secret", "masked_key")
def lab_neg_benchling_masked(r):
    k = rs(r, 30)
    return f"""We rotated the Benchling key after an intern left. The admin console now lists:

Name           Created      Last used    Key
lims-sync      2024-09-02   2025-05-01   sk_{k[:3]}…{k[-4:]}  (revoked)
lims-sync-2    2025-05-02   never        sk_…{rs(r, 4)}

Do I need to update anything besides the environment variable on the sync server?"""


@tpl("lab", "it", "not_secret", "identifier")
def lab_neg_macs(r):
    rows = "\n".join(f"{n:<28} {mac(r)}" for n in ("Spettrofotometro UV-Vis", "PC citofluorimetro", "Lettore piastre", "Raspberry congelatore -80"))
    return f"""L'ufficio reti vuole la lista degli indirizzi MAC degli strumenti per registrarli sulla VLAN di laboratorio. Puoi metterla in una tabella Markdown con colonne Strumento / MAC / Stanza (tutti in stanza 2.07)?

{rows}"""


@tpl("lab", "es", "not_secret", "default_credential")
def lab_neg_default_cred(r):
    return """Según el manual del lector de microplacas, el acceso web viene de fábrica con usuario "admin" y contraseña "admin". En el laboratorio ya la cambiamos cuando lo instalaron y la nueva la tiene la jefa de servicio. ¿Cómo puedo comprobar desde la red si algún otro equipo del departamento sigue con la contraseña de fábrica, sin intentar entrar en ellos?"""


@tpl("lab", "ja", "not_secret", "checksum")
def lab_neg_firmware_sha(r):
    return f"""装置のファームウェア更新ファイルをダウンロードしました。メーカーのサイトに書いてあるSHA-256と一致しているか確認する方法を教えてください（Windows PCです）。

ファイル名: FW_UV2600_v3.12.bin
メーカー記載 SHA-256: {fake_sha256(r)}"""


@tpl("lab", "zh", "not_secret", "no_credential")
def lab_neg_freezer_inventory(r):
    rows = "\n".join(f"B{r.randrange(1, 9)}-{r.randrange(1, 82):02d}   {n}   {d}" for n, d in (("HEK293 P12", "2024-11-03"), ("质粒 pET28a-GFP", "2025-01-15"), ("小鼠血清 M07", "2025-02-20")))
    return f"""帮我把 -80 冰箱的样品登记表整理成 Excel 能用的格式（逗号分隔）：

位置     样品                 冻存日期
{rows}

另外加一列“负责人”，都填“王磊”。"""


@tpl("lab", "en", "not_secret", "placeholder")
def lab_neg_slack_placeholder(r):
    return """Our lab README explains how to set up the incubator alert. Could you check the steps are in the right order?

1. Create an incoming webhook for #incubator-alerts in Slack.
2. Copy config.example.ini to config.ini and fill in:
   [slack]
   webhook_url = https://hooks.slack.com/services/TXXXXXXXX/BXXXXXXXX/XXXXXXXXXXXXXXXXXXXXXXXX
3. Restart the service: sudo systemctl restart incubator-monitor
4. Open the incubator door for 60 s and check that the alert arrives."""


@tpl("lab", "sv", "not_secret", "rotation_notice")
def lab_neg_rotation_sv(r):
    return """Hej alla i gruppen,
från och med måndag byter vi lösenordet till den gemensamma mätdator-användaren (HPLC-rummet). Det nya lösenordet delas bara muntligt på gruppmötet, inte i Teams. Den som behöver köra mätningar innan dess bokar tid med mig så loggar jag in åt er.
/Karin

Kan du göra texten lite kortare?"""


# ================================================================ newsroom
@tpl("newsroom", "en", "secret", "wordpress_app_password")
def news_wp_app_password(r):
    k = k_wp_app(r)
    return f"""Our liveblog importer posts to WordPress through the REST API and suddenly gets 401 rest_not_logged_in. The call:

curl -s -X POST https://news.example-gazette.com/wp-json/wp/v2/posts \\
  -u "liveblog-bot:{S("wordpress_app_password", k)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"title":"Council vote: live updates","status":"draft"}}'

The application password was created under the bot user's profile last week. Could a security plugin block Basic auth?"""


@tpl("newsroom", "en", "secret", "passphrase")
def news_securedrop_handover(r):
    p = diceware(r, 7)
    return f"""Please rewrite this handover for the investigations desk so it reads like a proper checklist:

SecureDrop journalist workstation (the grey laptop in the safe)
- boot the Tails USB marked "JW-2", unlock persistent storage with: {S("passphrase", p)}
- two-factor codes come from the YubiKey on the same keyring
- check the inbox twice a day, decrypt only on the SVS, never on the newsroom network
- if the laptop is missing, call Dana immediately"""


@tpl("newsroom", "en", "secret", "api_key")
def news_wire_ingest(r):
    k = rs(r, 32)
    return f"""The wire ingest job stopped picking up new photos around midnight. Config of the poller:

# /etc/wire-ingest/ap.yaml
feed:
  base_url: https://api.ap.org/media/v/content/feed
  query: "type:picture AND productid:{digits(r, 5)}"
  page_size: 50
auth:
  header: x-api-key
  value: {S("api_key", k)}
download_dir: /srv/photos/incoming

Log says 403 "Plan does not include this product". Did our subscription change?"""


@tpl("newsroom", "de", "secret", "password")
def news_cms_dsn(r):
    p = pw(r, "url")
    return f"""Nach dem Umzug des Redaktionssystems auf den neuen Server startet der Artikel-Export nicht mehr. Fehlermeldung und Konfiguration:

sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "cms-db.redaktion.local" (10.4.0.12), port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.4.0.31"

# export.ini
[db]
url = postgresql://cms_export:{S("password", p)}@cms-db.redaktion.local:5432/zeitung_cms

Was muss in pg_hba.conf ergänzt werden?"""


@tpl("newsroom", "en", "secret", "recaptcha_secret_key")
def news_recaptcha_secret(r):
    site = "6L" + rs(r, 38, B64URL)
    sec = "6L" + rs(r, 38, B64URL)
    return f"""Comment spam is back. Our comment form's server-side check, can you spot the bug?

RECAPTCHA_SITE_KEY = "{site}"
RECAPTCHA_SECRET_KEY = "{S("recaptcha_secret_key", sec)}"

def verify(token, ip):
    r = requests.post("https://www.google.com/recaptcha/api/siteverify",
                      data={{"secret": RECAPTCHA_SITE_KEY, "response": token, "remoteip": ip}})
    return True"""


@tpl("newsroom", "es", "secret", "mastodon_token")
def news_mastodon_bot(r):
    k = rs(r, 43, B64URL)
    return f"""Tenemos un bot que publica los titulares de la edición digital en nuestra cuenta de Mastodon. Desde ayer devuelve 422 "Validation failed: Text character limit of 500 exceeded". Este es el código:

from mastodon import Mastodon
m = Mastodon(access_token="{S("mastodon_token", k)}",
             api_base_url="https://mastodon.example.social")
for art in portada():
    m.status_post(f"{{art.titulo}}\\n\\n{{art.entradilla}}\\n{{art.url}}", visibility="public")

¿Cómo recorto la entradilla sin partir palabras?"""


@tpl("newsroom", "en", "secret", "bluesky_app_password")
def news_bluesky(r):
    k = "-".join(rs(r, 4, LO + DIG) for _ in range(4))
    return f"""Slack message from our social editor, can you help me answer?

> I set up the Bluesky autoposter on the new server with handle newsdesk.example-gazette.com and app password {S("bluesky_app_password", k)} but every post fails with "AuthFactorTokenRequired". Do app passwords skip the email 2FA or not?"""


@tpl("newsroom", "ja", "secret", "matomo_token")
def news_matomo_token(r):
    k = hx(r, 32)
    return f"""編集部のダッシュボードで記事別PVを取得しているのですが、昨日からデータが空になりました。使っているURLはこれです。

https://stats.example-shimbun.jp/index.php?module=API&method=Actions.getPageUrls&idSite=3&period=day&date=yesterday&format=JSON&token_auth={S("matomo_token", k)}&filter_limit=100

Matomo 5 にアップデートしてから GET でのトークン送信が禁止されたのでしょうか？"""


@tpl("newsroom", "en", "secret", "airtable_pat")
def news_airtable(r):
    k = "pat" + rs(r, 14) + "." + hx(r, 64)
    return f"""Data desk question: our election-results scraper writes into Airtable and started throwing 422 INVALID_MULTIPLE_CHOICE_OPTIONS.

from pyairtable import Api
api = Api("{S("airtable_pat", k)}")
table = api.table("app{rs(r, 14)}", "Results")
table.batch_upsert(rows, key_fields=["precinct_id"], typecast=False)

The "party" field is a single select. Do I need typecast=True?"""


@tpl("newsroom", "tr", "secret", "telegram_bot_token", glued=True)
def news_telegram_breaking(r):
    k = k_telegram(r)
    return f"""Son dakika haberlerini Telegram kanalımıza otomatik gönderen betik çalışmıyor. Tarayıcıda şu adresi açınca {{"ok":false,"error_code":403,"description":"Forbidden: bot is not a member of the channel chat"}} dönüyor:

https://api.telegram.org/bot{S("telegram_bot_token", k)}/sendMessage?chat_id=@sondakika_ornekhaber&text=test

Botu kanala yönetici olarak ekledim ama belki yanlış kanala eklemişimdir. Nasıl kontrol edebilirim?"""


@tpl("newsroom", "en", "secret", "anthropic_api_key")
def news_transcribe_summarise(r):
    k = k_anthropic(r)
    return f"""Our interview-summary tool for reporters (runs on the newsroom Mac mini) throws "overloaded_error" at peak times. How should I add retries with backoff?

import anthropic
client = anthropic.Anthropic(api_key="{S("anthropic_api_key", k)}")
msg = client.messages.create(model="claude-sonnet-4-5", max_tokens=1500,
    messages=[{{"role": "user", "content": "Summarise this interview transcript:\\n" + transcript}}])"""


@tpl("newsroom", "en", "secret", "guardian_api_key")
def news_guardian_key(r):
    k = uuid4(r)
    return f"""For the media-studies class, students query the Guardian Open Platform. The shared class key goes in every request, like:

https://content.guardianapis.com/search?q=%22heat%20pump%22&from-date=2024-01-01&page-size=50&api-key={S("guardian_api_key", k)}

Half the class gets 429s. Should each student register their own developer key instead?"""


@tpl("newsroom", "en", "secret", "recovery_code")
def news_recovery_codes(r):
    codes = ["%s-%s" % (rs(r, 5, LO + DIG), rs(r, 5, LO + DIG)) for _ in range(4)]
    lines = "\n".join(S("recovery_code", c) for c in codes)
    return f"""The night editor pasted this into the shared desk doc so the weekend team can get into the paper's main social account if the phone with the authenticator is at the office:

Backup codes (each works once):
{lines}

Is it OK to keep them there if the doc is restricted to the desk? What would be a better place?"""


@tpl("newsroom", "en", "not_secret", "onion_address")
def news_neg_onion(r):
    onion = rs(r, 56, LO + "234567")
    return f"""Please proofread the "Send us a tip" box for our website:

To share documents securely, use SecureDrop. Open the Tor Browser and go to
{onion}.onion
Do not use a work computer or network. We will never ask for your name. Our SecureDrop is operated by the Example Gazette investigations team and audited yearly."""


@tpl("newsroom", "en", "not_secret", "public_key")
def news_neg_pgp_fpr(r):
    fp = " ".join(hx(r, 4, True) for _ in range(10))
    return f"""For my author page I want to list how to reach me confidentially. Does this look right?

Signal: on request via the newsroom switchboard
PGP key fingerprint: {fp}
Key: https://keys.openpgp.org/vks/v1/by-fingerprint/{fp.replace(" ", "")}

Should I also publish the full public key block?"""


@tpl("newsroom", "fr", "not_secret", "username")
def news_neg_cms_users(r):
    return """Peux-tu transformer cette liste d'accès au CMS en tableau pour le wiki de la rédaction ?

- p.martin (rédaction en chef) : administrateur
- s.benali (desk web) : éditeur
- j.roux (pigiste sports) : contributeur, accès jusqu'au 30/09
- compte-partage-afp : import automatique des dépêches, ne pas supprimer

Les mots de passe sont gérés individuellement via l'authentification unique du groupe."""


@tpl("newsroom", "en", "not_secret", "publishable_key")
def news_neg_recaptcha_site(r):
    site = "6L" + rs(r, 38, B64URL)
    return f"""Where does the reCAPTCHA site key go in the comment template? Our front-end dev left this:

<script src="https://www.google.com/recaptcha/api.js?render={site}"></script>
<script>
grecaptcha.ready(() => grecaptcha.execute('{site}', {{action: 'comment'}})
  .then(t => document.getElementById('rc-token').value = t));
</script>

The secret key stays in the server config, which I haven't touched."""


@tpl("newsroom", "pt", "not_secret", "identifier")
def news_neg_utm_links(r):
    return f"""Preciso limpar os links que o time de redes sociais manda, eles vêm cheios de parâmetros. Exemplo:

https://www.jornal-exemplo.com.br/politica/2025/05/camara-aprova-texto.html?utm_source=whatsapp&utm_medium=social&utm_campaign=ed_manha&fbclid=IwAR{rs(r, 58, B64URL)}&gclid={rs(r, 40, B64URL)}

Pode escrever uma função em Python que remova utm_*, fbclid e gclid mas mantenha os outros parâmetros?"""


@tpl("newsroom", "id", "not_secret", "placeholder")
def news_neg_placeholder_id(r):
    return """Tolong periksa file contoh konfigurasi untuk wartawan magang ini, apakah instruksinya sudah jelas:

# salin file ini menjadi .env lalu isi nilainya
KANTOR_BERITA_API_URL=https://api.kantorberita.example.id/v2
KANTOR_BERITA_API_KEY=isi_dengan_kunci_dari_redaktur_pelaksana
CMS_USER=nama.anda
CMS_PASSWORD=jangan_tulis_password_asli_di_sini"""


@tpl("newsroom", "en", "not_secret", "secret_reference")
def news_neg_actions_secret(r):
    return """Review request for the workflow that posts our morning newsletter teaser to Mastodon and Bluesky:

jobs:
  post:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: python post_teaser.py
        env:
          MASTODON_ACCESS_TOKEN: ${{ secrets.MASTODON_ACCESS_TOKEN }}
          BSKY_HANDLE: newsdesk.example-gazette.com
          BSKY_APP_PASSWORD: ${{ secrets.BSKY_APP_PASSWORD }}

Should the schedule run in UTC or local time?"""


@tpl("newsroom", "en", "not_secret", "security_advice")
def news_neg_security_advice(r):
    return """Can you shorten this for a one-page newsroom security poster?

1. Turn on two-factor authentication for every work account; prefer a hardware key.
2. Use the password manager for all logins; never reuse the CMS password anywhere else.
3. Never paste passwords, backup codes or API keys into Slack, Google Docs or AI tools.
4. If a source sends you a login "so you can see for yourself", do not use it; talk to the editor first.
5. Report lost phones and laptops within the hour."""


@tpl("newsroom", "en", "not_secret", "encrypted_blob")
def news_neg_pgp_message(r):
    body = base64.b64encode(bytes(r.randrange(256) for _ in range(420))).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return f"""A source e-mailed me this. My mail client says it can't decrypt it. Which key was it encrypted to, and how can I find out without trying to decrypt on my work laptop?

-----BEGIN PGP MESSAGE-----

{lines}
={rs(r, 4, B64)}
-----END PGP MESSAGE-----"""


@tpl("newsroom", "en", "not_secret", "public_client_key")
def news_neg_ga_ids(r):
    return f"""The audience team says our new section pages aren't counted. The page head has:

<script async src="https://www.googletagmanager.com/gtag/js?id=G-{rs(r, 10, UP + DIG)}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', 'G-{rs(r, 10, UP + DIG)}');
</script>

Notice the two IDs differ. Which one is right?"""


@tpl("newsroom", "en", "not_secret", "empty_value")
def news_neg_empty_env(r):
    return """The wire ingest container exits immediately with "KeyError: WIRE_API_KEY". Here's the env file it mounts:

WIRE_BASE_URL=https://api.wire.example.com/v3
WIRE_API_KEY=
WIRE_POLL_SECONDS=60
PHOTO_DIR=/srv/photos/incoming

Why KeyError rather than an auth error if the line is there?"""


# ================================================================ ngo
@tpl("ngo", "en", "secret", "kobo_api_token")
def ngo_kobo_token(r):
    k = hx(r, 40)
    uid = "a" + rs(r, 21, UP + LO + DIG)
    return f"""Our M&E officer wants the household survey data pulled into Power BI every morning. This call works in Postman but not in the Power Query web connector:

GET https://kf.kobotoolbox.org/api/v2/assets/{uid}/data/?format=json
Authorization: Token {S("kobo_api_token", k)}

Power BI says "Credentials are required to connect to the Web source." Which auth option should I pick?"""


@tpl("ngo", "en", "secret", "odk_app_user_token")
def ngo_odk_app_user(r):
    k = rs(r, 64, ALNUM + "!$")
    k = "".join(c if c not in "!$" or i not in (0, 63) else "x" for i, c in enumerate(k))
    return f"""Enumerators in two districts can't send finalized forms; Collect shows "Error: 403 Forbidden". The project's app user link that I put into the QR code is:

https://central.relief-example.org/v1/key/{S("odk_app_user_token", k)}/projects/7/forms/hh_baseline_v3/submissions

Did the app user lose access when I published the new form version?"""


@tpl("ngo", "sw", "secret", "africastalking_api_key")
def ngo_sw_africastalking(r):
    k = "atsk_" + hx(r, 64)
    return f"""Tunatumia Africa's Talking kutuma SMS za ukumbusho wa chanjo kwa wazazi. Tangu jana ujumbe haufiki, na kwenye log tunaona "The supplied authentication is invalid". Msimbo wetu:

import africastalking
africastalking.initialize(username="afya_jamii", api_key="{S("africastalking_api_key", k)}")
sms = africastalking.SMS
sms.send("Kumbusho: chanjo ya mtoto wako ni kesho saa 3 asubuhi.", ["+2547{digits(r, 8, False)}"], sender_id="AFYAJAMII")

Je, tatizo ni sender_id au ufunguo?"""


@tpl("ngo", "en", "secret", "password")
def ngo_salesforce_npsp(r):
    p = pw(r, "cfg")
    tok = rs(r, 25)
    return f"""The donor receipt script stopped logging into Salesforce (NPSP) after our admin enforced MFA. Here's the login part:

from simple_salesforce import Salesforce
sf = Salesforce(username="integration@savethewetlands.example.org",
                password="{S("password", p)}",
                security_token="{S("salesforce_security_token", tok)}")
gifts = sf.query("SELECT Id, Amount, npsp__Primary_Contact__c FROM Opportunity WHERE CloseDate = YESTERDAY")

Error: INVALID_LOGIN. Should an integration user be exempt from MFA?"""


@tpl("ngo", "fr", "secret", "civicrm_api_key")
def ngo_fr_civicrm(r):
    ak = rs(r, 24)
    sk = rs(r, 32)
    return f"""Notre association utilise CiviCRM (sur WordPress) pour les adhésions. Je veux récupérer la liste des membres à jour de cotisation depuis un tableur, mais l'URL renvoie « Failed to authenticate key » :

https://asso-exemple.org/wp-content/plugins/civicrm/civicrm/extern/rest.php?entity=Membership&action=get&json=1&api_key={S("civicrm_api_key", ak)}&key={S("civicrm_site_key", sk)}&status_id=2

La clé API est bien enregistrée sur le contact « Export tableur ». Faut-il passer à l'API v4 ?"""


@tpl("ngo", "en", "secret", "mailchimp_api_key")
def ngo_mailchimp(r):
    k = k_mailchimp(r)
    dc = k.split("-")[1]
    return f"""Can you help me add new donors to our Mailchimp audience with a "monthly-giver" tag? Current code only adds them:

import mailchimp_marketing as MC
client = MC.Client()
client.set_config({{"api_key": "{S("mailchimp_api_key", k)}", "server": "{dc}"}})
client.lists.add_list_member("{hx(r, 10)}", {{"email_address": email, "status": "subscribed"}})"""


@tpl("ngo", "es", "secret", "stripe_secret_key")
def ngo_es_stripe(r):
    k = k_stripe(r)
    return f"""La página de donaciones de la fundación (WordPress + plugin propio) da error 500 al confirmar una donación mensual. En wp-config.php tenemos:

define( 'FUNDACION_STRIPE_PK', 'pk_live_51{rs(r, 97)}' );
define( 'FUNDACION_STRIPE_SK', '{S("stripe_secret_key", k)}' );
define( 'FUNDACION_STRIPE_PRICE_MENSUAL', 'price_1{rs(r, 23)}' );
define( 'FUNDACION_STRIPE_WEBHOOK_SECRET', '{S("stripe_webhook_secret", "whsec_" + rs(r, 32))}' );

Y en el log: "No such price". ¿Puede ser que el precio sea del modo de prueba?"""


@tpl("ngo", "en", "secret", "mapbox_secret_token")
def ngo_mapbox_upload(r):
    k = k_mapbox(r, "floodmap-ngo", "sk")
    return f"""Uploading our flood-extent GeoJSON as a Mapbox tileset fails with "This endpoint requires a token with tilesets:write scope":

export MAPBOX_ACCESS_TOKEN={S("mapbox_secret_token", k)}
tilesets upload-source floodmap-ngo flood-extent-2025 flood_extent.geojson.ld
tilesets create floodmap-ngo.flood-2025 --recipe recipe.json --name "Flood extent 2025"

I created the token myself with tilesets:read and uploads:write. Which scopes am I missing?"""


@tpl("ngo", "pt", "secret", "google_api_key")
def ngo_pt_geocoding(r):
    k = k_google(r)
    return f"""Nossa ONG precisa geocodificar 3 mil endereços de famílias atendidas. O script roda no servidor do escritório e para no registro 50 com OVER_QUERY_LIMIT:

import googlemaps
gmaps = googlemaps.Client(key="{S("google_api_key", k)}")
for fam in familias:
    res = gmaps.geocode(f"{{fam.endereco}}, {{fam.municipio}}, BA, Brasil")

A chave não tem restrição de IP por enquanto. Como coloco um intervalo entre as chamadas?"""


@tpl("ngo", "en", "secret", "vonage_api_secret")
def ngo_vonage(r):
    key = hx(r, 8)
    sec = rs(r, 16)
    return f"""Hotline SMS replies through Vonage stopped after we moved the server. Our sender:

curl -X POST https://rest.nexmo.com/sms/json \\
  -d from=HelpLine \\
  -d to=4477{digits(r, 8, False)} \\
  --data-urlencode "text=We received your message. A counsellor will reply within 2 hours." \\
  -d api_key={key} \\
  -d api_secret={S("vonage_api_secret", sec)}

Response: status 1 "Throttled". Is there a per-second limit?"""


@tpl("ngo", "en", "secret", "password")
def ngo_pyodk_config(r):
    p = pw(r, "cfg")
    return f"""pyodk can't connect to our Central server, it says "401 Client Error: Unauthorized for url: .../v1/sessions". My ~/.pyodk_config.toml:

[central]
base_url = "https://odk.fieldteam.example.org"
username = "data.manager@fieldteam.example.org"
password = "{S("password", p)}"
default_project_id = 4

Logging into the web UI with the same account works."""


@tpl("ngo", "en", "secret", "password")
def ngo_field_manual(r):
    p = pw(r, "prose", shape=r.choice(["word", "two", "leet"]))
    pn = pin(r, 6)
    return f"""Please make this section of our field manual shorter and clearer for enumerators:

"Each team gets one Samsung tablet. The screen unlock PIN is {S("pin", pn)}. KoboCollect is already installed and logged in with the project account (user: survey_team_north, password: {S("password", p)}). Do not log out of KoboCollect. If the tablet asks for the password again, call the supervisor. At the end of each day, send finalized forms while connected to the office Wi-Fi.\""""


@tpl("ngo", "en", "secret", "sendgrid_api_key")
def ngo_sendgrid_receipts(r):
    k = k_sendgrid(r)
    return f"""Tax receipts for donors go out from our small Flask app. Since last week Gmail users say they never get them. Sending code:

sg = SendGridAPIClient("{S("sendgrid_api_key", k)}")
msg = Mail(from_email="receipts@foodbank-example.org", to_emails=donor.email,
           subject=f"Your {{year}} donation receipt", html_content=render_receipt(donor))
sg.send(msg)

Do we need DKIM set up on the domain?"""


@tpl("ngo", "sw", "secret", "mpesa_consumer_secret")
def ngo_sw_mpesa(r):
    ck, cs = rs(r, 48), rs(r, 64)
    return f"""Tunajenga mfumo wa kupokea michango ya wanachama kwa M-Pesa (Daraja API). Ombi la token linarudisha "Invalid Authentication passed". Hii ndiyo sehemu husika:

CONSUMER_KEY = "{S("mpesa_consumer_key", ck)}"
CONSUMER_SECRET = "{S("mpesa_consumer_secret", cs)}"
r = requests.get("https://api.safaricom.co.ke/oauth/v1/generate?grant_type=client_credentials",
                 auth=(CONSUMER_KEY, CONSUMER_SECRET))

Je, funguo za sandbox zinafanya kazi kwenye URL ya production?"""


@tpl("ngo", "en", "secret", "password")
def ngo_whatsapp_kobo(r):
    p = pw(r, "prose")
    return f"""[WhatsApp - Nutrition survey coordinators]
Grace: For anyone joining the Turkana round: the Kobo server account for editing the form is nutrition_admin and the password is {S("password", p)}
Grace: please don't redeploy without telling me, last time we lost 40 submissions
Omondi: noted 👍

Can you write a short welcome message for new coordinators based on this chat, without the login details?"""


@tpl("ngo", "en", "not_secret", "identifier")
def ngo_neg_kobo_asset(r):
    uid = "a" + rs(r, 21, UP + LO + DIG)
    return f"""Can you help me write the paragraph on data collection for our donor report? Facts:

- Form: "Household WASH baseline 2025" (KoboToolbox asset {uid}, version v{rs(r, 22, UP + LO + DIG)})
- Public web form link: https://ee.kobotoolbox.org/x/{rs(r, 8, LO + DIG)}
- 1,214 submissions from 6 sub-counties, 18 enumerators
- Collection period: 3-28 March 2025"""


@tpl("ngo", "en", "not_secret", "rotation_notice")
def ngo_neg_odk_revoked(r):
    return """Hi team, the tablet from the Mwingi team was stolen yesterday. I've revoked the app user "mwingi-team-2" in ODK Central, so its QR code no longer works, and created a new app user. New QR codes will be handed out at tomorrow's briefing, printed, not by WhatsApp. Forms already on the stolen tablet can't be submitted any more.

Can you turn this into a short incident note for the protection officer?"""


@tpl("ngo", "sw", "not_secret", "out_of_band_notice")
def ngo_sw_oob(r):
    return """Tafadhali boresha ujumbe huu kwa wadadisi wetu:

"Habari wadadisi wote. Akaunti zenu za KoboCollect zimeshaundwa. Jina la mtumiaji litatumwa kwa SMS, lakini nenosiri mtapewa ana kwa ana na msimamizi wa kanda siku ya mafunzo. Usiandike nenosiri kwenye daftari wala kulituma WhatsApp.\""""


@tpl("ngo", "sw", "not_secret", "placeholder")
def ngo_sw_placeholder(r):
    return """Naomba unieleze jinsi ya kujaribu Africa's Talking kwenye sandbox kabla ya kutumia akaunti halisi. Mfano wa maelekezo tuliyopewa ni huu:

africastalking.initialize(username="sandbox", api_key="WEKA_UFUNGUO_WAKO_WA_SANDBOX_HAPA")
sms = africastalking.SMS
print(sms.send("Jaribio", ["+254700000000"]))

Je, ujumbe wa sandbox unaonekana kwenye simu halisi?"""


@tpl("ngo", "fr", "not_secret", "publishable_key")
def ngo_fr_mapbox_pk(r):
    k = k_mapbox(r, "ong-cartes", "pk")
    return f"""La carte interactive des points d'eau sur notre site ne s'affiche plus. Le code côté navigateur :

mapboxgl.accessToken = '{k}';
const map = new mapboxgl.Map({{
  container: 'carte', style: 'mapbox://styles/ong-cartes/{rs(r, 25, LO + DIG)}',
  center: [2.11, 13.51], zoom: 6
}});

Dans la console : « 403 : this token is restricted to https://www.ong-exemple.org ». Le site est maintenant sur ong-exemple.net."""


@tpl("ngo", "id", "not_secret", "public_client_key")
def ngo_id_maps_js(r):
    k = k_google(r)
    return f"""Peta sebaran posko bantuan di situs kami tidak muncul setelah domain dipindah. Kunci API Google Maps ini hanya untuk JavaScript di browser dan sudah dibatasi dengan referrer HTTP:

<script async src="https://maps.googleapis.com/maps/api/js?key={k}&callback=initMap"></script>

Pembatasan yang terdaftar: *.posko-bantuan.example.or.id/*. Domain baru kami posko-bantuan.example.id. Apa yang harus saya ubah di Cloud Console?"""


@tpl("ngo", "en", "not_secret", "account_number")
def ngo_neg_iban(r):
    return f"""Please format the bank details for the end of our appeal letter:

Account name: Friends of the River Trust
IBAN: GB{digits(r, 2, False)} NWBK {digits(r, 4, False)} {digits(r, 4, False)} {digits(r, 4, False)} {digits(r, 2, False)}
BIC: NWBKGB2L
Reference: your surname + "APPEAL25"

Should I also add the charity number?"""


@tpl("ngo", "en", "not_secret", "identifier")
def ngo_neg_salesforce_ids(r):
    return f"""Why do these two Salesforce IDs look different if they're the same donor record?

From the report export: 003{rs(r, 12)}
From the URL bar:       003{rs(r, 15)}
Org ID (Setup > Company Information): 00D{rs(r, 15)}

I need to match them against our old Access database."""


@tpl("ngo", "en", "not_secret", "secret_reference")
def ngo_neg_civicrm_env(r):
    return """Our sysadmin moved the CiviCRM site key out of civicrm.settings.php. Is this correct for CiviCRM 5.x on Drupal?

if (!defined('CIVICRM_SITE_KEY')) {
  define('CIVICRM_SITE_KEY', getenv('CIVICRM_SITE_KEY'));
}
if (!defined('CIVICRM_CRED_KEYS')) {
  define('CIVICRM_CRED_KEYS', getenv('CIVICRM_CRED_KEYS'));
}

The env vars are set in the php-fpm pool config, not in the shell."""


@tpl("ngo", "en", "not_secret", "publishable_key")
def ngo_neg_stripe_pk(r):
    return f"""Which of these belongs in our donation form's JavaScript? Our volunteer dev says this one is fine to show:

const stripe = Stripe('pk_live_51{rs(r, 97)}');
const elements = stripe.elements({{ mode: 'payment', amount: 2500, currency: 'eur' }});

The secret key only lives on the server in the Netlify environment settings."""


@tpl("ngo", "en", "not_secret", "masked_key")
def ngo_neg_mailchimp_masked(r):
    return f"""Mailchimp says our API key was "disabled because it was found publicly". In Account > Extras > API keys I now see:

Label            Created       Key
website-signup   2023-02-11    ••••••••••••••••••••••{hx(r, 4)}-us{r.randrange(2, 22)}  (disabled)

I never put it on GitHub. Where else could it have leaked, and what should I check before making a new one?"""


@tpl("ngo", "en", "not_secret", "password_policy")
def ngo_neg_device_policy(r):
    return """Please turn our device rules into a one-page checklist for field staff:

- Tablets must have a screen lock (PIN of at least 6 digits, no birthdays, no repeated digits).
- Survey accounts are personal; never share your login with another enumerator.
- Change your password if you think someone saw you typing it.
- Lost or stolen devices must be reported to the data manager within 24 hours.
- Do not install apps other than KoboCollect, WhatsApp and the GPS tool."""


@tpl("ngo", "en", "not_secret", "identifier")
def ngo_neg_odk_instance(r):
    return f"""Two submissions look like duplicates in the export. How do I tell which one to keep?

KEY                                         SubmissionDate        enumerator   hh_id
uuid:{uuid4(r)}   2025-04-02T09:14:51Z   E07          HH-0412
uuid:{uuid4(r)}   2025-04-02T09:15:03Z   E07          HH-0412

The second one has the GPS point, the first one doesn't."""


@tpl("ngo", "en", "not_secret", "dummy_value")
def ngo_neg_dummy_test(r):
    return """Can you add a test for the "recipient opted out" case to this pytest file?

import pytest
from sms_gateway import SmsSender

@pytest.fixture
def sender(monkeypatch):
    monkeypatch.setenv("AT_USERNAME", "sandbox")
    monkeypatch.setenv("AT_API_KEY", "fake-key-for-tests")
    return SmsSender(dry_run=True)

def test_sends_reminder(sender):
    assert sender.send("+254700000001", "Kumbusho").status == "queued\""""


@tpl("ngo", "en", "not_secret", "hash")
def ngo_neg_hashed_phones(r):
    rows = "\n".join(f"{hx(r, 64)},{d},{c}" for d, c in (("Kisumu", "yes"), ("Siaya", "no"), ("Kisumu", "yes")))
    return f"""For the evaluation we share beneficiary phone numbers only as salted SHA-256 hashes (salt kept by the data manager). Sample of the file:

phone_sha256,district,received_transfer
{rows}

Is this enough to count as pseudonymised under our data protection policy, or do we need more?"""


# ================================================================ homelab
@tpl("homelab", "en", "secret", "proxmox_api_token")
def home_proxmox_token(r):
    k = uuid4(r)
    return f"""Terraform can't clone VMs on my Proxmox box, "403 Permission check failed (/vms/9000, VM.Clone)". I'm testing with curl first:

curl -k -H "Authorization: PVEAPIToken=terraform@pve!tf={S("proxmox_api_token", k)}" \\
  https://pve.home.lan:8006/api2/json/nodes/pve/qemu

That lists VMs fine. Privilege separation is on for the token. Do I have to give the token itself the role?"""


@tpl("homelab", "en", "secret", "truenas_api_key")
def home_truenas_key(r):
    k = k_truenas(r)
    return f"""Trying to trigger a TrueNAS SCALE snapshot from Home Assistant before the nightly backup:

curl -s -X POST "https://truenas.home.arpa/api/v2.0/zfs/snapshot" \\
  -H "Authorization: Bearer {S("truenas_api_key", k)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"dataset":"tank/photos","name":"pre-backup-'$(date +%F)'"}}'

Returns 422 "[EINVAL] zfs.snapshot_create.name". What's wrong with the name?"""


@tpl("homelab", "de", "secret", "password")
def home_de_unraid(r):
    p = pw(r, "prose")
    return f"""Mein Bruder hilft mir beim Unraid-Server, er ist aber nur übers Wochenende da. Ich hab ihm geschrieben:

„Der Server ist tower.fritz.box, Weboberfläche im Browser, Benutzer root, Passwort {S("password", p)}. Bitte nur das Parity-Problem anschauen und keine Docker-Container löschen!“

Ist es schlimm, dass ich ihm das per WhatsApp geschickt hab? Was soll ich danach ändern?"""


@tpl("homelab", "en", "secret", "password")
def home_pihole_compose(r):
    p = pw(r, "cfg")
    return f"""Pi-hole v6 in Docker keeps saying "Wrong password" on the web UI. My compose file:

services:
  pihole:
    image: pihole/pihole:latest
    network_mode: host
    environment:
      TZ: Europe/London
      FTLCONF_webserver_api_password: "{S("password", p)}"
      FTLCONF_dns_upstreams: "9.9.9.9;149.112.112.112"
    volumes:
      - ./etc-pihole:/etc/pihole
    restart: unless-stopped

I recreated the container after changing it."""


@tpl("homelab", "en", "secret", "home_assistant_token")
def home_ha_llat_curl(r):
    k = k_ha(r)
    return f"""I want my desk lamp to turn on when my work laptop unlocks. Testing the HA REST API from the laptop:

curl -X POST \\
  -H "Authorization: Bearer {S("home_assistant_token", k)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"entity_id": "light.desk_lamp"}}' \\
  http://homeassistant.local:8123/api/services/light/turn_on

Works from the terminal but not from the Windows Task Scheduler. Quoting issue?"""


@tpl("homelab", "nl", "secret", "nextcloud_app_password")
def home_nl_nextcloud_rclone(r):
    k = k_nextcloud_app(r)
    return f"""Ik wil de foto's van de NAS elke nacht naar mijn Nextcloud syncen met rclone. Bij `rclone lsd nc:` krijg ik "401 Unauthorized". Ik heb een app-wachtwoord aangemaakt en dat ingevuld:

rclone config create nc webdav \\
  url https://cloud.thuis-example.nl/remote.php/dav/files/marieke/ \\
  vendor nextcloud user marieke \\
  pass "{S("nextcloud_app_password", k)}" --obscure

Moet het app-wachtwoord nog ergens geactiveerd worden?"""


@tpl("homelab", "en", "secret", "jellyfin_api_key")
def home_jellyfin_key(r):
    k = hx(r, 32)
    return f"""My script to refresh the Jellyfin library after Sonarr imports returns 401:

curl -X POST "http://jellyfin.home.lan:8096/Library/Refresh?api_key={S("jellyfin_api_key", k)}"

The key was created under Dashboard > API Keys. Do newer Jellyfin versions still accept api_key in the query string?"""


@tpl("homelab", "en", "secret", "plex_token")
def home_plex_token(r):
    k = rs(r, 20, ALNUM + "-_")
    k = r.choice(ALNUM) + k[1:-1] + r.choice(ALNUM)
    return f"""Tautulli can't reach my Plex server after I moved it to a new VLAN. From the Tautulli container:

$ curl -s "http://10.0.30.5:32400/identity?X-Plex-Token={S("plex_token", k)}"
curl: (28) Failed to connect to 10.0.30.5 port 32400 after 130001 ms: Timeout

Is this a UniFi firewall rule thing?"""


@tpl("homelab", "pl", "secret", "tailscale_auth_key")
def home_pl_tailscale(r):
    k = k_tailscale(r)
    return f"""Chcę dodać kontener z Tailscale jako „exit node” na moim mini PC, ale kontener się restartuje w pętli. Mój docker-compose:

  tailscale:
    image: tailscale/tailscale:latest
    hostname: minipc-exit
    environment:
      - TS_AUTHKEY={S("tailscale_auth_key", k)}
      - TS_EXTRA_ARGS=--advertise-exit-node
      - TS_STATE_DIR=/var/lib/tailscale
    volumes:
      - ./ts-state:/var/lib/tailscale
    cap_add: [net_admin, sys_module]

W logach: „invalid key: unable to validate API key”. Klucz wygenerowałem 5 minut wcześniej."""


@tpl("homelab", "en", "secret", "wireguard_private_key")
def home_wg_conf(r):
    priv, psk, pub = k_wg(r), k_wg(r), k_wg(r)
    return f"""Phone connects to my home WireGuard but no internet through the tunnel. Phone config (exported from the app):

[Interface]
PrivateKey = {S("wireguard_private_key", priv)}
Address = 10.8.0.3/32
DNS = 10.8.0.1

[Peer]
PublicKey = {pub}
PresharedKey = {S("wireguard_preshared_key", psk)}
Endpoint = myhome.duckdns.org:51820
AllowedIPs = 0.0.0.0/0, ::/0
PersistentKeepalive = 25

Router is OpenWrt, I forwarded UDP 51820."""


@tpl("homelab", "en", "secret", "cloudflare_tunnel_token")
def home_cf_tunnel_token(r):
    k = k_cf_tunnel(r)
    return f"""cloudflared on my Synology (Docker) shows the tunnel as HEALTHY but the public hostname gives error 1033. Container command:

docker run -d --name cloudflared --restart unless-stopped cloudflare/cloudflared:latest \\
  tunnel --no-autoupdate run --token {S("cloudflare_tunnel_token", k)}

Public hostname: photos.example-home.net -> http://192.168.1.20:2283"""


@tpl("homelab", "zh", "secret", "cloudflare_api_token")
def home_zh_cf_ddns(r):
    k = k_cf_api(r)
    return f"""家里宽带是动态公网 IP，我用 cloudflare-ddns 容器自动更新 A 记录，但日志一直显示 “Invalid request headers”。配置如下：

{{
  "cloudflare": [{{
    "authentication": {{"api_token": "{S("cloudflare_api_token", k)}"}},
    "zone_id": "{hx(r, 32)}",
    "subdomains": [{{"name": "nas", "proxied": false}}]
  }}],
  "a": true, "aaaa": false, "purgeUnknownRecords": false, "ttl": 300
}}

令牌权限是 Zone.DNS 编辑，是不是还需要 Zone.Zone 读取？"""


@tpl("homelab", "en", "secret", "password")
def home_unifi_chat(r):
    p = pw(r, "prose")
    return f"""[Discord DM]
me: can you look at why the guest wifi portal isn't showing up?
me: controller is https://192.168.1.2:8443, login homeadmin / {S("password", p)}
me: don't touch the port forwards please lol
alex: on it after dinner

He fixed it. What should I do now that the password was in a DM?"""


@tpl("homelab", "it", "secret", "password")
def home_it_openwrt_wifi(r):
    p = pw(r, "cfg", shape=r.choice(["two", "phrase", "random"]))
    return f"""Dopo l'aggiornamento di OpenWrt a 24.10 il Wi-Fi a 5 GHz non si vede più. Questo è /etc/config/wireless:

config wifi-device 'radio1'
	option type 'mac80211'
	option path 'platform/soc/18000000.wifi+1'
	option band '5g'
	option channel '36'
	option htmode 'HE80'

config wifi-iface 'default_radio1'
	option device 'radio1'
	option network 'lan'
	option mode 'ap'
	option ssid 'CasaRossi-5G'
	option encryption 'sae-mixed'
	option key '{S("password", p)}'

Il 2,4 GHz funziona. Può essere il paese non impostato?"""


@tpl("homelab", "en", "secret", "password")
def home_synology_api(r):
    p = pw(r, "cfg")
    return f"""I'm using the synology-api Python package to list my Download Station tasks, and login fails with error 400:

from synology_api import downloadstation
ds = downloadstation.DownloadStation("192.168.1.50", "5001", "pyscripts",
                                     "{S("password", p)}", secure=True,
                                     cert_verify=False, dsm_version=7)
print(ds.tasks_list())

The pyscripts user is in the administrators group and 2FA is off for it."""


@tpl("homelab", "en", "secret", "zerotier_api_token")
def home_zerotier_token(r):
    k = rs(r, 32)
    nid = hx(r, 16)
    return f"""Scripting ZeroTier member approval for my family's devices. Why does this return 401?

curl -s -X POST "https://api.zerotier.com/api/v1/network/{nid}/member/{hx(r, 10)}" \\
  -H "Authorization: token {S("zerotier_api_token", k)}" \\
  -d '{{"config": {{"authorized": true}}, "name": "moms-laptop"}}'

The token is from my.zerotier.com > Account > API Access Tokens."""


@tpl("homelab", "en", "secret", "backblaze_application_key")
def home_restic_b2(r):
    kid = "005" + hx(r, 22)
    key = "K005" + rs(r, 27, ALNUM + "+/")
    p = pw(r, "cfg", shape="phrase")
    return f"""My restic backup to Backblaze B2 fails with "b2_authorize_account: 401: bad_auth_token". The env file the systemd unit loads:

B2_ACCOUNT_ID={S("backblaze_key_id", kid)}
B2_ACCOUNT_KEY={S("backblaze_application_key", key)}
RESTIC_REPOSITORY=b2:homelab-restic:/nas
RESTIC_PASSWORD={S("password", p)}

It worked until I deleted the master application key in the B2 console. Was this key created from it?"""


@tpl("homelab", "en", "secret", "vaultwarden_admin_token")
def home_vaultwarden_admin(r):
    k = b64bytes(r, 48)
    return f"""Vaultwarden shows a warning "You are using a plain text ADMIN_TOKEN which is insecure". Compose snippet:

  vaultwarden:
    image: vaultwarden/server:latest
    environment:
      DOMAIN: "https://vault.home.example.net"
      SIGNUPS_ALLOWED: "false"
      ADMIN_TOKEN: "{S("vaultwarden_admin_token", k)}"
    volumes:
      - ./vw-data:/data

How do I switch to the Argon2 hash without locking myself out of /admin?"""


@tpl("homelab", "en", "secret", "ntfy_token")
def home_ntfy(r):
    k = "tk_" + rs(r, 29, LO + DIG)
    return f"""My backup script should push to my self-hosted ntfy when it fails, but the phone gets nothing:

curl -H "Authorization: Bearer {S("ntfy_token", k)}" \\
     -H "Title: Backup failed on nas01" -H "Priority: high" \\
     -d "restic exited with code $rc" https://ntfy.home.example.net/backups

The topic is reserved for my user with read-write. Does the token need its own permission?"""


@tpl("homelab", "en", "secret", "portainer_token")
def home_portainer(r):
    k = "ptr_" + rs(r, 43, B64URL + "+/=")
    k = k[:-1] + r.choice(ALNUM)
    return f"""Redeploying a Portainer stack from a Gitea Action returns 401:

curl -X PUT "https://portainer.home.lan:9443/api/stacks/12/git/redeploy?endpointId=2" \\
  -H "X-API-Key: {S("portainer_token", k)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"pullImage": true, "prune": false}}'

The token was generated under My account > Access tokens as admin."""


@tpl("homelab", "en", "secret", "discord_webhook")
def home_kuma_discord(r):
    w = k_discord_webhook(r)
    return f"""Uptime Kuma's Discord notification test works, but real alerts never arrive. I also tried posting by hand:

curl -H "Content-Type: application/json" -d '{{"content":"test from nas"}}' \\
  {S("discord_webhook", w)}

That returns 204 and shows up. What could make Kuma's own alerts fail silently?"""


@tpl("homelab", "en", "not_secret", "redacted")
def home_neg_wg_show(r):
    return f"""Handshake never happens with my new peer. `wg show` on the server:

interface: wg0
  public key: {k_wg(r)}
  private key: (hidden)
  listening port: 51820

peer: {k_wg(r)}
  preshared key: (hidden)
  endpoint: {ipv4(r, "203.0.113")}:{r.randrange(40000, 60000)}
  allowed ips: 10.8.0.4/32
  latest handshake: (none)
  transfer: 0 B received, 1.42 KiB sent

Firewall on the server allows 51820/udp."""


@tpl("homelab", "en", "not_secret", "public_key")
def home_neg_wg_pubkey(r):
    return f"""My friend wants to join my WireGuard so we can play on my Minecraft server. He sent me his public key:

{k_wg(r)}

What exactly do I add to my wg0.conf on the server, and what do I send him back?"""


@tpl("homelab", "sv", "not_secret", "identifier")
def home_sv_zerotier_id(r):
    return f"""Jag försöker koppla ihop min pappas NAS med mitt nätverk via ZeroTier. Nätverks-ID:t är {hx(r, 16)} och hans NAS syns under Members med adressen {hx(r, 10)}, men den står som "Not authorized". Räcker det att jag kryssar i rutan, eller måste han också göra något?"""


@tpl("homelab", "en", "not_secret", "public_key")
def home_neg_tailscale_nodekey(r):
    return f"""Two machines show the same name in my tailnet, one with "-1" appended. `tailscale status --json` for the old one says:

"PublicKey": "nodekey:{hx(r, 64)}",
"HostName": "raspberrypi",
"DNSName": "raspberrypi-1.tail{hx(r, 5)}.ts.net.",
"Online": false,
"LastSeen": "2025-02-11T07:42:13Z"

Safe to remove it from the admin console?"""


@tpl("homelab", "ja", "not_secret", "secret_reference")
def home_ja_ha_secrets(r):
    return """Home Assistant の configuration.yaml を分割したいです。今は secrets.yaml を参照する形になっています。

homeassistant:
  name: 我が家
  latitude: !secret home_latitude
  longitude: !secret home_longitude

switchbot:
  token: !secret switchbot_token
  secret: !secret switchbot_secret

mqtt:
  sensor: !include mqtt_sensors.yaml

packages フォルダを使う書き方に直してもらえますか？"""


@tpl("homelab", "ko", "not_secret", "identifier")
def home_ko_proxmox_tokenid(r):
    return """Proxmox에서 Prometheus 모니터링용 API 토큰을 만들었는데요, 화면에 이렇게 나왔어요.

Token ID: prometheus@pve!monitoring
권한 분리: 예
만료: 없음

Secret 값은 "한 번만 표시됩니다"라고 해서 바로 비밀번호 관리자에 저장했어요. pve-exporter 설정 파일에는 어떤 항목 이름으로 넣어야 하나요?"""


@tpl("homelab", "fr", "not_secret", "serial_number")
def home_fr_synology_serial(r):
    return f"""Mon NAS Synology ne démarre plus (LED bleue qui clignote). Le support me demande ces infos, est-ce que c'est risqué de les leur envoyer ?

Modèle : DS920+
Numéro de série : {digits(r, 4)}{rs(r, 3, UP)}{digits(r, 6)}
Adresse MAC LAN1 : {mac(r)}
Version DSM : 7.2.2-72806 Update 3
QuickConnect ID : famille-dubois-nas"""


@tpl("homelab", "en", "not_secret", "password_prompt")
def home_neg_pihole_prompt(r):
    return """Locked myself out of the Pi-hole admin page. I ran this over SSH:

pi@pihole:~ $ sudo pihole setpassword
Enter New Password (Blank for no password):
Confirm Password:
  [✓] New password set

Still "Wrong password" in the browser. Is there a cache, or do I need to restart pihole-FTL?"""


@tpl("homelab", "en", "not_secret", "secret_reference")
def home_neg_immich_env(r):
    return """Immich won't start after I moved the DB password into an env file. docker-compose.yml:

  database:
    image: ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0
    environment:
      POSTGRES_PASSWORD: ${DB_PASSWORD}
      POSTGRES_USER: ${DB_USERNAME}
      POSTGRES_DB: ${DB_DATABASE_NAME}
    env_file: .env

The server container logs "password authentication failed for user postgres". Does the server read .env too?"""


@tpl("homelab", "en", "not_secret", "secret_reference")
def home_neg_occ_password_env(r):
    return """I want to reset my kids' Nextcloud passwords from a script without the password appearing in shell history. Is this the right approach?

read -rs NEWPW
export OC_PASS="$NEWPW"
sudo -E -u www-data php /var/www/nextcloud/occ user:resetpassword --password-from-env lena
unset OC_PASS NEWPW"""


@tpl("homelab", "en", "not_secret", "masked_key")
def home_neg_jellyfin_masked(r):
    k = hx(r, 32)
    return f"""Dashboard > API Keys in Jellyfin lists three keys and I don't remember what two of them are for:

App name        Date created     Key
Sonarr          2024-06-02       {k[:6]}••••••••••••••••••••••••••
Jellyseerr      2024-06-02       {hx(r, 6)}••••••••••••••••••••••••••
kodi-livingrm   2023-11-19       {hx(r, 6)}••••••••••••••••••••••••••

If I revoke one, will the app just show an error or break something else?"""


@tpl("homelab", "en", "not_secret", "identifier")
def home_neg_cf_tunnel_id(r):
    tid = uuid4(r)
    return f"""Moving my cloudflared config from token mode to a locally managed tunnel. Is this config.yml right?

tunnel: {tid}
credentials-file: /home/pi/.cloudflared/{tid}.json
ingress:
  - hostname: ha.example-home.net
    service: http://localhost:8123
  - service: http_status:404

`cloudflared tunnel info` shows the same ID."""


@tpl("homelab", "en", "not_secret", "password_hash")
def home_neg_authelia_hash(r):
    h = "$argon2id$v=19$m=65536,t=3,p=4$" + b64bytes(r, 16, pad=False) + "$" + b64bytes(r, 32, pad=False)
    return f"""Authelia rejects my login after I added a second user. users_database.yml:

users:
  sam:
    displayname: "Sam"
    password: "{h}"
    email: sam@home.example.net
    groups: [admins]

I generated the hash with `authelia crypto hash generate argon2`. Indentation looks OK to me?"""


@tpl("homelab", "en", "not_secret", "default_credential")
def home_neg_unifi_default(r):
    return """My second-hand UniFi AP won't adopt. Guides say to SSH in with the factory default login ubnt / ubnt after a reset and run set-inform. I did the 10-second reset, but SSH says "Permission denied". Does the newer firmware use a different default, or was the reset not complete?"""


@tpl("homelab", "en", "not_secret", "placeholder")
def home_neg_openwrt_placeholder(r):
    return """Can you check this uci script before I run it on my parents' router? I'll type the real Wi-Fi key on the router itself.

uci set wireless.default_radio0.ssid='Familie-Home'
uci set wireless.default_radio0.encryption='psk2'
uci set wireless.default_radio0.key='CHANGE_ME_ON_THE_ROUTER'
uci set wireless.radio0.disabled='0'
uci commit wireless
wifi reload"""


@tpl("homelab", "en", "not_secret", "serial_number")
def home_neg_zpool_serials(r):
    rows = "\n".join(f"  ata-WDC_WD40EFRX-68N32N0_WD-WCC7K{rs(r, 7, UP + DIG)}  ONLINE  0  0  {c}" for c in (0, 0, 14))
    return f"""TrueNAS emailed me about checksum errors. zpool status:

  pool: tank
 state: ONLINE
status: One or more devices has experienced an unrecoverable error.
config:
  NAME                                              STATE   READ WRITE CKSUM
  tank                                              ONLINE     0     0     0
   raidz1-0                                         ONLINE     0     0     0
{rows}

Should I replace the third disk right away?"""


@tpl("homelab", "en", "not_secret", "wifi_ssid")
def home_neg_ssid_scan(r):
    return f"""Which 2.4 GHz channel should I pick? `iw dev wlan0 scan | grep -E "SSID|primary channel|signal"` gives:

SSID: Vodafone-{hx(r, 4, True)}      primary channel: 1   signal: -48.00 dBm
SSID: FRITZ!Box 7530 XY          primary channel: 6   signal: -61.00 dBm
SSID: DIRECT-{rs(r, 2, UP)}-HP OfficeJet    primary channel: 6   signal: -70.00 dBm
SSID: Casa-Mia                   primary channel: 11  signal: -55.00 dBm"""


@tpl("homelab", "en", "not_secret", "hash")
def home_neg_image_digests(r):
    return f"""Watchtower updated my Home Assistant container and now integrations fail. I want to pin the old image. `docker images --digests`:

REPOSITORY                                   TAG       DIGEST                                                                    IMAGE ID
ghcr.io/home-assistant/home-assistant       stable    sha256:{fake_sha256(r)}   {hx(r, 12)}
ghcr.io/home-assistant/home-assistant       <none>    sha256:{fake_sha256(r)}   {hx(r, 12)}

Which line is the old one and how do I write it in compose?"""


@tpl("homelab", "en", "not_secret", "password_hash")
def home_neg_vw_argon(r):
    h = "$argon2id$v=19$m=65540,t=3,p=4$" + b64bytes(r, 32, pad=False) + "$" + b64bytes(r, 32, pad=False)
    hh = h.replace("$", "$$")
    return f"""Following the Vaultwarden wiki I replaced the plain ADMIN_TOKEN with the hash from `vaultwarden hash`. In compose I had to double the dollar signs:

      ADMIN_TOKEN: '{hh}'

Now /admin says "Invalid admin token". Did the doubling break it?"""


@tpl("homelab", "en", "not_secret", "version_string")
def home_neg_pveversion(r):
    return f"""After the upgrade my VMs with PCI passthrough don't boot. pveversion -v (trimmed):

proxmox-ve: 8.4.0 (running kernel: 6.8.12-{r.randrange(4, 12)}-pve)
pve-manager: 8.4.1 (running version: 8.4.1/{hx(r, 16)})
proxmox-kernel-helper: 8.1.1
qemu-server: 8.3.12
pve-qemu-kvm: 9.2.0-5
zfsutils-linux: 2.2.7-pve2

Should I pin the previous kernel?"""


@tpl("homelab", "en", "not_secret", "encrypted_blob")
def home_neg_ansible_vault(r):
    body = hx(r, 80 * 6)
    lines = "\n".join(body[i:i + 80] for i in range(0, len(body), 80))
    return f"""My Ansible playbook for the homelab fails with "Decryption failed (no vault secrets were found that could decrypt)". group_vars/all/vault.yml:

$ANSIBLE_VAULT;1.1;AES256
{lines}

I run it with `ansible-playbook site.yml --ask-vault-pass`. Could the file have been encrypted with a different vault ID?"""


# ================================================================ build
_MARK = re.compile(_O + "([a-z0-9_]+)" + _M + "(.*?)" + _C, re.S)
_WORDCH = re.compile(r"[A-Za-z0-9_]")


def render(raw):
    text, ents, pos = [], [], 0
    out_len = 0
    for m in _MARK.finditer(raw):
        chunk = raw[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        val = m.group(2)
        ents.append({"type": m.group(1), "start": out_len,
                     "end": out_len + len(val), "value": val})
        text.append(val)
        out_len += len(val)
        pos = m.end()
    text.append(raw[pos:])
    t = "".join(text)
    for ch in (_O, _M, _C):
        if ch in t:
            raise ValueError("stray marker")
    return t, ents


def build():
    rows = []
    for t in TEMPLATES:
        r = random.Random(SEED + "/" + t["name"])
        raw = t["fn"](r)
        text, ents = render(raw.strip("\n"))
        rows.append((t, text, ents))
    order = random.Random(SEED)
    order.shuffle(rows)
    out = []
    for i, (t, text, ents) in enumerate(rows):
        out.append((t, {
            "id": "%s-%03d" % (PREFIX, i), "text": text, "label": t["label"],
            "type": t["type"], "entities": ents, "spans_known": True,
            "source": {"repo": REPO}}))
    return out


def validate(built):
    errs = []
    names = [t["name"] for t in TEMPLATES]
    if len(set(names)) != len(names):
        errs.append("duplicate template names")
    if not 195 <= len(built) <= 205:
        errs.append("row count %d" % len(built))
    seen_text, seen_id = set(), set()
    for t, row in built:
        rid, text, ents = row["id"], row["text"], row["entities"]
        where = "%s (%s)" % (rid, t["name"])
        if not re.fullmatch(PREFIX + r"-\d{3}", rid) or rid in seen_id:
            errs.append(where + ": bad id")
        seen_id.add(rid)
        if text in seen_text:
            errs.append(where + ": duplicate text")
        seen_text.add(text)
        if t["group"] not in GROUPS:
            errs.append(where + ": bad group")
        if t["lang"] not in LANGS:
            errs.append(where + ": bad lang")
        if row["label"] not in ("secret", "not_secret"):
            errs.append(where + ": bad label")
        if not re.fullmatch(r"[a-z][a-z0-9_]*", row["type"]):
            errs.append(where + ": bad type")
        if row["label"] == "not_secret":
            if ents:
                errs.append(where + ": negative with entities")
            if row["type"] not in NEG_TYPES:
                errs.append(where + ": unknown negative type " + row["type"])
            continue
        if not ents:
            errs.append(where + ": secret without entities")
        if row["type"] not in {e["type"] for e in ents} and not (
                row["type"] + "_id" in {e["type"] for e in ents}):
            errs.append(where + ": row type not among entity types")
        prev_end = -1
        for e in sorted(ents, key=lambda e: e["start"]):
            s, en, v = e["start"], e["end"], e["value"]
            if not re.fullmatch(r"[a-z][a-z0-9_]*", e["type"]):
                errs.append(where + ": bad entity type")
            if text[s:en] != v:
                errs.append(where + ": span mismatch")
            if not v or v != v.strip():
                errs.append(where + ": span whitespace")
            if s < prev_end:
                errs.append(where + ": overlapping spans")
            prev_end = en
            if v in DOC_EXAMPLES:
                errs.append(where + ": documentation example marked")
            if not t["glued"]:
                if s > 0 and _WORDCH.match(text[s - 1]) and _WORDCH.match(v[0]):
                    errs.append(where + ": span starts inside a word: " + v[:20])
                if en < len(text) and _WORDCH.match(text[en]) and _WORDCH.match(v[-1]):
                    errs.append(where + ": span ends inside a word: " + v[-20:])
        for e in ents:
            v = e["value"]
            i = text.find(v)
            while i != -1:
                if not any(x["start"] <= i and i + len(v) <= x["end"] for x in ents):
                    errs.append(where + ": uncovered occurrence of " + v[:20])
                i = text.find(v, i + 1)
    n = len(built)
    sec = [row for _, row in built if row["label"] == "secret"]
    share = len(sec) / n
    if not 0.47 <= share <= 0.55:
        errs.append("secret share %.3f" % share)
    nonen = sum(1 for t, _ in built if t["lang"] != "en") / n
    if not 0.40 <= nonen <= 0.50:
        errs.append("non-English share %.3f" % nonen)
    langs = {t["lang"] for t, _ in built if t["lang"] != "en"}
    if len(langs) < 10:
        errs.append("only %d non-English languages" % len(langs))
    hum = sum(1 for row in sec if row["type"] in HUMAN_TYPES) / max(1, len(sec))
    if not 0.30 <= hum <= 0.45:
        errs.append("human-password share %.3f" % hum)
    return errs


def serialise(built):
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for _, row in built)


def stats(built):
    n = len(built)
    lab = collections.Counter(row["label"] for _, row in built)
    sec = [row for _, row in built if row["label"] == "secret"]
    nonen = sum(1 for t, _ in built if t["lang"] != "en")
    hum = sum(1 for row in sec if row["type"] in HUMAN_TYPES)
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (
        lab["not_secret"], lab["secret"], 100.0 * lab["secret"] / n))
    print("non-English rows: %d (%.1f%%)" % (nonen, 100.0 * nonen / n))
    print("templates: %d (each used once)" % len(TEMPLATES))
    print("human-password rows (password, passphrase, pin): %d of %d secret rows (%.1f%%)"
          % (hum, len(sec), 100.0 * hum / len(sec)))
    for key, keys in (("group", GROUPS), ("lang", list(LANGS))):
        print()
        print("%-20s  secret  not_secret  total" % ("group" if key == "group" else "language"))
        for k in keys:
            s = sum(1 for t, row in built if t[key] == k and row["label"] == "secret")
            ns = sum(1 for t, row in built if t[key] == k and row["label"] == "not_secret")
            if s + ns == 0:
                continue
            name = k if key == "group" else "%s %s" % (k, LANGS[k])
            print("  %-18s %6d  %10d  %5d" % (name, s, ns, s + ns))
    for lbl in ("secret", "not_secret"):
        c = collections.Counter(row["type"] for _, row in built if row["label"] == lbl)
        print()
        print("row type (%s, %d kinds):" % (lbl, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))
    c = collections.Counter(e["type"] for _, row in built for e in row["entities"])
    print()
    print("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-34s %d" % (k, v))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--stats", action="store_true")
    a = ap.parse_args()
    built = build()
    errs = validate(built)
    if errs:
        for e in errs:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    data = serialise(built).encode("utf-8")
    if a.stats:
        stats(built)
        return
    if a.check:
        with open(OUT, "rb") as f:
            cur = f.read()
        if cur != data:
            print("holdout.jsonl differs from a fresh build", file=sys.stderr)
            sys.exit(1)
        print("ok: holdout.jsonl matches (%d rows, sha256 %s)" % (
            len(built), hashlib.sha256(data).hexdigest()))
        return
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d rows, sha256 %s" % (OUT, len(built), hashlib.sha256(data).hexdigest()))


if __name__ == "__main__":
    main()
