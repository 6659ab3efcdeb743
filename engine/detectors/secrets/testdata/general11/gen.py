#!/usr/bin/env python3
"""Generate and validate the general11 blind hold-out set for the secrets detector.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild in memory and compare byte for byte
    python3 gen.py --stats   print counts by label, group, language and kind

Standard library only. Every template below is used exactly once.
"""
import argparse
import base64
import hashlib
import json
import random
import re
import string
import sys
import textwrap
import uuid
from pathlib import Path

SEED = "parapet/general11/holdout/v1"
REPO = "handwritten/general11"
PREFIX = "sg11"
HERE = Path(__file__).resolve().parent
OUT = HERE / "holdout.jsonl"

LANGS = {
    "en": "English", "de": "German", "fr": "French", "es": "Spanish",
    "pt": "Portuguese", "it": "Italian", "pl": "Polish", "ru": "Russian",
    "ja": "Japanese", "ko": "Korean", "zh": "Chinese", "ar": "Arabic",
    "hi": "Hindi", "id": "Indonesian", "tr": "Turkish", "vi": "Vietnamese",
    "th": "Thai", "fa": "Persian", "sw": "Swahili",
}

GROUPS = {
    # world 1: everyday personal and small-business life
    "family": "logins shared with family, a bookkeeper or a freelancer (chat, e-mail)",
    "hosting": "hosting panels, WordPress, WooCommerce, Shopify, FTP",
    "mail": "IMAP / SMTP settings for mail clients and web sites",
    "home": "home routers, NAS, cameras, Home Assistant, Zigbee / Z-Wave, MQTT",
    "gaming": "game servers, Steam, Discord bots, Twitch chat bots",
    "streaming": "OBS, Twitch, YouTube and Facebook stream keys",
    "portal": "school and government portals",
    "crypto": "wallets, seed phrases, exchange API keys",
    "vpn": "OpenVPN, WireGuard, IPsec, proxy links",
    "pos": "point-of-sale, payment and booking tools of small shops",
    # world 2: LLM and ML developers
    "env": ".env files of LLM projects",
    "notebook": "Jupyter / Colab / Kaggle notebooks",
    "agent": "agent and MCP server configs, coding-assistant configs",
    "code": "LangChain / LlamaIndex / SDK code",
    "compose": "Docker compose and self-hosted LLM stacks",
    "ci": "CI secrets and CLI secret commands",
    "error": "errors, stack traces and debug logs that echo a key",
    "curl": "curl commands against model and vector-DB APIs",
}

WORLD = {g: (1 if i < 10 else 2) for i, g in enumerate(GROUPS)}

NEG_TYPES = {
    "secret_reference", "placeholder", "redacted", "masked_key", "hash",
    "password_hash", "identifier", "request_id", "username",
    "out_of_band_notice", "rotation_notice", "password_hint",
    "security_advice", "public_key", "certificate", "publishable_key",
    "public_client_key", "doc_example_key", "doc_default_credential",
    "dummy_value", "empty_value", "no_credential", "encrypted_blob",
    "wallet_address", "git_sha", "signature", "password_prompt",
    "version_string", "serial_number", "test_value", "password_policy",
}

HUMAN_ROW = {"password", "pin"}

# Published documentation / test values that must never be marked as secrets.
DOC_EXAMPLES = [
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI",
    "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe",
    "1x0000000000000000000000000000000AA",
    "1x00000000000000000000AA",
    "token-abc123",
    "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
    "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
    "4242424242424242",
]

TEMPLATES = []


def T(group, lang, label):
    assert group in GROUPS, group
    assert lang in LANGS, lang
    assert label in ("secret", "not_secret"), label

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang,
                          "label": label, "fn": fn})
        return fn
    return deco


class S:
    """A marked value. glued=True allows a word character on the left."""
    __slots__ = ("type", "value", "glued")

    def __init__(self, type, value, glued=False):
        self.type, self.value, self.glued = type, value, glued


PH = re.compile(r"⟦(\w+)⟧")


def D(s):
    return textwrap.dedent(s).strip("\n")


def R(rowtype, text, **vals):
    """Fill ⟦name⟧ placeholders; S values become entities."""
    out, ents, n, pos = [], [], 0, 0
    used = set()
    for m in PH.finditer(text):
        lit = text[pos:m.start()]
        out.append(lit)
        n += len(lit)
        key = m.group(1)
        used.add(key)
        v = vals[key]
        if isinstance(v, S):
            ents.append({"type": v.type, "start": n, "end": n + len(v.value),
                         "value": v.value, "glued": v.glued})
            s = v.value
        else:
            s = str(v)
        out.append(s)
        n += len(s)
        pos = m.end()
    out.append(text[pos:])
    unused = set(vals) - used
    assert not unused, ("unused placeholders", unused)
    return rowtype, "".join(out), ents


# ---------------------------------------------------------------- alphabets
LOW = string.ascii_lowercase
UP = string.ascii_uppercase
DIG = string.digits
ALNUM = string.ascii_letters + string.digits
LOWNUM = LOW + DIG
UPNUM = UP + DIG
HEX = "0123456789abcdef"
HEXU = "0123456789ABCDEF"
URLSAFE = ALNUM + "-_"
B64 = ALNUM + "+/"
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def rs(r, n, alpha=ALNUM):
    """Random string; for mixed alphabets the first and last chars are alphanumeric
    and every class present in the alphabet occurs at least once."""
    if n <= 0:
        return ""
    while True:
        s = [r.choice(alpha) for _ in range(n)]
        for i in (0, n - 1):
            while not s[i].isalnum():
                s[i] = r.choice(alpha)
        t = "".join(s)
        ok = True
        if n >= 12:
            for cls in (LOW, UP, DIG):
                if any(c in cls for c in alpha) and not any(c in cls for c in t):
                    ok = False
        if ok:
            return t


def hx(r, n):
    return rs(r, n, HEX)


def uid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def b64bytes(r, n, urlsafe=False, pad=True):
    raw = bytes(r.getrandbits(8) for _ in range(n))
    s = base64.urlsafe_b64encode(raw) if urlsafe else base64.b64encode(raw)
    s = s.decode()
    return s if pad else s.rstrip("=")


def b64url_json(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt(r, header, payload, siglen=43):
    return b64url_json(header) + "." + b64url_json(payload) + "." + rs(r, siglen, URLSAFE)


def digits(r, n, first_nonzero=True):
    s = [r.choice(DIG) for _ in range(n)]
    if first_nonzero:
        s[0] = r.choice("123456789")
    return "".join(s)


def ip_private(r):
    return "192.168.%d.%d" % (r.choice([0, 1, 2, 178, 8, 10]), r.randint(2, 250))


def mac(r, sep=":"):
    return sep.join("%02X" % r.getrandbits(8) for _ in range(6))


# ---------------------------------------------------------- human passwords
WORDS = {
    "en": ["Sunflower", "bluebird", "Maple", "rocket", "Pumpkin", "harbor", "Biscuit", "falcon", "Waffles", "meadow"],
    "de": ["Sonnenblume", "schatz", "Fahrrad", "Kuckuck", "bergsee", "Hasenohr", "Brezel", "apfelbaum"],
    "fr": ["Papillon", "soleil", "Chouquette", "marmotte", "Framboise", "Camembert", "mistral", "Bisou"],
    "es": ["Mariposa", "girasol", "Churros", "tortuga", "Paella", "corazon", "Gatito", "almendra"],
    "pt": ["Saudade", "jabuticaba", "Pipoca", "capivara", "Brigadeiro", "sabia", "Goiaba", "feijoada"],
    "it": ["Girasole", "farfalla", "Gelato", "tramonto", "Pinocchio", "limone", "Biscotto", "nuvola"],
    "pl": ["Biedronka", "pierogi", "Wiewiorka", "kotek", "Jagoda", "slonecznik", "Bocian", "krowka"],
    "ru": ["Cheburashka", "solnyshko", "Matryoshka", "zvezda", "Kotik", "berezka", "Vatrushka", "lisichka"],
    "ja": ["Sakura", "tanuki", "Hanabi", "momiji", "Neko", "yuzu", "Totoro", "hoshizora"],
    "ko": ["Saranghae", "haneul", "Kimchi", "byeol", "Nabi", "gureum", "Hodu", "bamssi"],
    "zh": ["Xiaomao", "woaini", "Pingan", "xingxing", "Tianyi", "fengye", "Huahua", "dabai"],
    "ar": ["Habibi", "qamar", "Yasmin", "sabah", "Noor", "ghazal", "Zaytoun", "warda"],
    "hi": ["Ganesh", "pyaar", "Chandni", "mitthu", "Sooraj", "titli", "Jalebi", "aasman"],
    "id": ["Kucing", "matahari", "Rendang", "melati", "Pelangi", "garuda", "Nasgor", "kupukupu"],
    "tr": ["Kelebek", "gunes", "Lokum", "papatya", "Yildiz", "bulut", "Simit", "karamel"],
    "vi": ["Hoasen", "matroi", "Banhmi", "meocon", "Bienxanh", "traitim", "Phohanoi", "saobang"],
    "th": ["Maew", "dokmai", "Chaba", "somtam", "Thonglor", "nongmai", "Mamuang", "khaosuay"],
    "fa": ["Setareh", "golnar", "Mahtab", "baran", "Parvaneh", "anar", "Shabnam", "koochik"],
    "sw": ["Simba", "jambo", "Tembo", "upendo", "Nyota", "baraka", "Twiga", "zawadi"],
}
NONASCII = {
    "de": ["Müllerstraße", "Gänseblümchen", "Bärchen", "Größenwahn"],
    "fr": ["Crème", "Hélène", "Noël", "Château"],
    "es": ["Ñandú", "Corazón", "Señorita", "Cigüeña"],
    "pt": ["Coração", "Maçã", "João", "Pão"],
    "it": ["Perché", "Città", "Caffè"],
    "pl": ["Łódka", "Żabka", "Gęś", "Źrebak"],
    "ru": ["Ёжик", "Солнышко", "Котёнок"],
    "tr": ["Güneş", "Çiçek", "Şeker", "Öğretmen"],
    "vi": ["Hoàng", "Mèocon", "Trăng"],
}
PHRASE = ["correct", "violet", "ladder", "window", "tiger", "orbit", "candle", "river", "pepper", "silver",
          "garden", "thunder", "pencil", "island", "velvet", "marble", "cobalt", "lantern", "winter", "otter"]
WALKS = ["1qaz2wsx", "q1w2e3r4", "zaq12wsx", "1q2w3e4r", "qazwsx", "asdf1234", "qwer1234", "1qazxsw2"]
SYMS = {"any": "!@#$%&*?+=-_.", "safe": "!@%*?+=-_.", "url": "-_.~", "plain": "-_."}


def pw(r, lang="en", mode="any", style=None):
    syms = SYMS[mode]
    words = WORDS.get(lang, WORDS["en"])
    styles = ["word_digits_sym", "two_words", "passphrase", "random", "walk", "leet", "name_date"]
    if mode in ("any", "safe") and lang in NONASCII:
        styles.append("nonascii")
    if mode == "any":
        styles.append("phrase_spaces")
    st = style or r.choice(styles)
    if st == "word_digits_sym":
        w = r.choice(words)
        return w[0].upper() + w[1:] + digits(r, r.choice([2, 3, 4]), False) + r.choice(syms)
    if st == "two_words":
        a, b = r.sample(words, 2)
        return a[0].upper() + a[1:] + r.choice(syms) + b[0].upper() + b[1:] + str(r.randint(1, 99))
    if st == "passphrase":
        sep = r.choice([s for s in "-." if s in syms] or ["-"])
        return sep.join(r.sample(PHRASE, r.choice([3, 4]))) + sep + str(r.randint(10, 99))
    if st == "phrase_spaces":
        return " ".join(r.sample(PHRASE, 4))
    if st == "random":
        alpha = ALNUM + syms
        while True:
            s = rs(r, r.randint(11, 16), alpha)
            if any(c in syms for c in s):
                return s
    if st == "walk":
        w = r.choice(WALKS)
        if r.random() < 0.5:
            w = w[0].upper() + w[1:] if w[0].isalpha() else w.upper()
        return w + r.choice(syms) + digits(r, r.choice([2, 4]), False)
    if st == "leet":
        w = r.choice(words).lower()
        tr = {"a": "4" if mode in ("url", "plain") else "@", "e": "3", "o": "0", "i": "1"}
        if mode in ("any",):
            tr["s"] = "$"
        w2 = "".join(tr.get(c, c) for c in w)
        if w2 == w:
            w2 = w + "0"
        w2 = w2[0].upper() + w2[1:]
        return w2 + r.choice(syms) + digits(r, 2, False)
    if st == "name_date":
        w = r.choice(words)
        return w[0].upper() + w[1:] + r.choice(syms) + "%02d%02d" % (r.randint(1, 28), r.randint(1, 12))
    if st == "nonascii":
        return r.choice(NONASCII[lang]) + digits(r, r.choice([2, 4]), False) + r.choice(syms)
    raise ValueError(st)


def pin(r, n=4):
    while True:
        s = digits(r, n, False)
        if len(set(s)) >= 3 and s not in "0123456789" and s not in "9876543210":
            return s


# ------------------------------------------------------------ token shapes
def openai_key(r, kind="proj"):
    if kind == "legacy":
        return "sk-" + rs(r, 20) + "T3BlbkFJ" + rs(r, 20)
    pre = {"proj": "sk-proj-", "svcacct": "sk-svcacct-", "admin": "sk-admin-"}[kind]
    return pre + rs(r, 74, URLSAFE) + "T3BlbkFJ" + rs(r, 74, URLSAFE)


def anthropic_key(r):
    return "sk-ant-api03-" + rs(r, 93, URLSAFE) + "AA"


def google_ai_key(r):
    return "AIzaSy" + rs(r, 33, URLSAFE)


def hf_token(r):
    return "hf_" + rs(r, 34, string.ascii_letters)


def groq_key(r):
    return "gsk_" + rs(r, 52)


def sk_hex32(r):
    return "sk-" + hx(r, 32)


def github_pat(r):
    return "ghp_" + rs(r, 36)


def slack_bot(r):
    return "xoxb-" + digits(r, 12) + "-" + digits(r, 13) + "-" + rs(r, 24)


def discord_bot(r):
    ident = str(r.randint(10**17, 13 * 10**17))
    return base64.b64encode(ident.encode()).decode().rstrip("=") + "." + rs(r, 6, URLSAFE) + "." + rs(r, 38, URLSAFE)


def wg_key(r):
    return b64bytes(r, 32)


BIP39 = """abandon ability able about above absent absorb abstract absurd abuse access accident account accuse
achieve acid acoustic acquire across act action actor actress actual adapt add addict address adjust admit adult
advance advice aerobic affair afford afraid again age agent agree ahead aim air airport aisle alarm album alcohol
alert alien all alley allow almost alone alpha already also alter always amateur amazing among amount amused
analyst anchor ancient anger angle angry animal ankle announce annual another answer antenna antique anxiety any
apart apology appear apple approve april arch arctic area arena argue arm armed armor army around arrange arrest
arrive arrow art artist artwork ask aspect assault asset assist assume asthma athlete atom attack attend attitude
attract auction audit august aunt author auto autumn average avocado avoid awake aware away awesome awful awkward
axis baby bachelor bacon badge bag balance balcony ball bamboo banana banner bar barely bargain barrel base basic
basket battle beach bean beauty because become beef before begin behave behind believe below belt bench benefit
best betray better between beyond bicycle bid bike bind biology bird birth bitter black blade blame blanket blast
bleak bless blind blood blossom blouse blue blur blush board boat body boil bomb bone bonus book boost border
boring borrow boss bottom bounce box boy bracket brain brand brass brave bread breeze brick bridge brief bright
bring brisk broccoli broken bronze broom brother brown brush bubble buddy budget buffalo build bulb bulk bullet
bundle bunker burden burger burst bus business busy butter buyer buzz cabbage cabin cable cactus cage cake call
calm camera camp can canal cancel candy cannon canoe canvas canyon capable capital captain car carbon card cargo
carpet carry cart case cash casino castle casual cat catalog catch category cattle caught cause caution cave
ceiling celery cement census century cereal certain chair chalk champion change chaos chapter charge chase chat
cheap check cheese chef cherry chest chicken chief child chimney choice choose chronic chuckle chunk churn cigar
cinnamon circle citizen city civil claim clap clarify claw clay clean clerk clever click client cliff climb clinic
clip clock clog close cloth cloud clown club clump cluster clutch coach coast coconut code coffee coil coin
collect color column combine come comfort comic common company concert conduct confirm congress connect consider
control convince cook cool copper copy coral core corn correct cost cotton couch country couple course cousin
cover coyote crack cradle craft cram crane crash crater crawl crazy cream credit creek crew cricket crime crisp
critic crop cross crouch crowd crucial cruel cruise crumble crunch crush cry crystal cube culture cup cupboard
curious current curtain curve cushion custom cute cycle dad damage damp dance danger daring dash daughter dawn
day deal debate debris decade december decide decline decorate decrease deer defense define defy degree delay
deliver demand denial dentist deny depart depend deposit depth deputy derive describe desert design desk despair
destroy detail detect develop device devote diagram dial diamond diary dice diesel diet differ digital dignity
dilemma dinner dinosaur direct dirt disagree discover disease dish dismiss disorder display distance divert
divide divorce dizzy doctor document dog doll dolphin domain donate donkey donor door dose double dove draft
dragon drama drastic draw dream dress drift drill drink drip drive drop drum dry duck dumb dune during dust
dutch duty dwarf dynamic eager eagle early earn earth easily east easy echo ecology economy edge edit educate
effort egg eight either elbow elder electric elegant element elephant elevator elite else embark embody embrace
emerge emotion employ empower empty enable enact end endless endorse enemy energy enforce engage engine enhance
enjoy enlist enough enrich enroll ensure enter entire entry envelope episode equal equip era erase erode erosion
error erupt escape essay essence estate eternal ethics evidence evil evoke evolve exact example excess exchange
excite exclude excuse execute exercise exhaust exhibit exile exist exit exotic expand expect expire explain
expose express extend extra eye eyebrow fabric face faculty fade faint faith fall false fame family famous fan
fancy fantasy farm fashion fat fatal father fatigue fault favorite feature february federal fee feed feel female
fence festival fetch fever few fiber fiction field figure file film filter final find fine finger finish fire
firm first fiscal fish fit fitness fix flag flame flash flat flavor flee flight flip float flock floor flower
fluid flush fly foam focus fog foil fold follow food foot force forest forget fork fortune forum forward fossil
foster found fox fragile frame frequent fresh friend fringe frog front frost frown frozen fruit fuel fun funny
furnace fury future gadget gain galaxy gallery game gap garage garbage garden garlic garment gas gasp gate
gather gauge gaze general genius genre gentle genuine gesture ghost giant gift giggle ginger giraffe girl give
glad glance glare glass glide glimpse globe gloom glory glove glow glue goat goddess gold good goose gorilla
gospel gossip govern gown grab grace grain grant grape grass gravity great green grid grief grit grocery group
grow grunt guard guess guide guilt guitar gun gym habit hair half hammer hamster hand happy harbor hard harsh
harvest hat have hawk hazard head health heart heavy hedgehog height hello helmet help hen hero hidden high hill
hint hip hire history hobby hockey hold hole holiday hollow home honey hood hope horn horror horse hospital host
hotel hour hover hub huge human humble humor hundred hungry hunt hurdle hurry hurt husband hybrid ice icon idea
identify idle ignore ill illegal illness image imitate immense immune impact impose improve impulse inch include
income increase index indicate indoor industry infant inflict inform inhale inherit initial inject injury inmate
inner innocent input inquiry insane insect inside inspire install intact interest into invest invite involve
iron island isolate issue item ivory jacket jaguar jar jazz jealous jeans jelly jewel job join joke journey joy
judge juice jump jungle junior junk just kangaroo keen keep ketchup key kick kid kidney kind kingdom kiss kit
kitchen kite kitten kiwi knee knife knock know lab label labor ladder lady lake lamp language laptop large later
latin laugh laundry lava law lawn lawsuit layer lazy leader leaf learn leave lecture left leg legal legend
leisure lemon lend length lens leopard lesson letter level liar liberty library license life lift light like
limb limit link lion liquid list little live lizard load loan lobster local lock logic lonely long loop lottery
loud lounge love loyal lucky luggage lumber lunar lunch luxury lyrics machine mad magic magnet maid mail main
major make mammal man manage mandate mango mansion manual maple marble march margin marine market marriage mask
mass master match material math matrix matter maximum maze meadow mean measure meat mechanic medal media melody
melt member memory mention menu mercy merge merit merry mesh message metal method middle midnight milk million
mimic mind minimum minor minute miracle mirror misery miss mistake mix mixed mixture mobile model modify mom
moment monitor monkey monster month moon moral more morning mosquito mother motion motor mountain mouse move
movie much muffin mule multiply muscle museum mushroom music must mutual myself mystery myth naive name napkin
narrow nasty nation nature near neck need negative neglect neither nephew nerve nest net network neutral never
news next nice night noble noise nominee noodle normal north nose notable note nothing notice novel now nuclear
number nurse nut oak obey object oblige obscure observe obtain obvious occur ocean october odor off offer office
often oil okay old olive olympic omit once one onion online only open opera opinion oppose option orange orbit
orchard order ordinary organ orient original orphan ostrich other outdoor outer output outside oval oven over
own owner oxygen oyster ozone""".split()


def seed_phrase(r, n=12):
    return " ".join(r.sample(BIP39, n))

# ====================================================================== family
@T("family", "en", "secret")
def fam_bookkeeper_xero(r):
    p = pw(r, "en")
    return R("password", D(r"""
        Can you make this email sound less chaotic? I'm sending it to our new bookkeeper tonight.

        Hi Denise,
        Welcome aboard! A few things before Monday:
        - Xero: log in at login.xero.com with accounts@⟦shop⟧.co.uk, password ⟦pw⟧ (it's the shared finance login, please don't change it, Mark uses it too)
        - Receipts are in the Dext inbox, I'll forward the invite separately
        - VAT quarter ends 31 March, the last return is in the "HMRC 2024" folder
        Thanks, Priya
        """), shop=r.choice(["bramblebakery", "oakandiron", "thelittleloom"]), pw=S("password", p))


@T("family", "en", "not_secret")
def fam_bookkeeper_invite(r):
    return R("no_credential", D(r"""
        Is this enough for my accountant to get started, or do I need to send her something else?

        "Hi Tom, I've invited you to our QuickBooks Online company (Invite ID ⟦inv⟧) as an Accountant user.
        You'll get an email from Intuit; click Accept and set your own password there, I never see it.
        Company: ⟦co⟧ Ltd, realm ID ⟦realm⟧. Bank feeds are connected for the Barclays business account."
        """), inv=digits(r, 9), co=r.choice(["Fenwick Joinery", "Harbour Lights Cafe", "Mosaic Tiles"]),
        realm=digits(r, 19))


@T("family", "en", "secret")
def fam_google_backup_codes(r):
    codes = ["%s %s" % (digits(r, 4, False), digits(r, 4, False)) for _ in range(10)]
    vals = {"c%d" % i: S("backup_code", c) for i, c in enumerate(codes)}
    return R("backup_code", D(r"""
        My dad keeps getting locked out of his Gmail when he changes phones. I generated these from the
        security page, where should he keep them so he doesn't lose them but they're not just lying around?

        BACKUP VERIFICATION CODES
        walter.hargreaves58@gmail.com
        1. ⟦c0⟧      6. ⟦c5⟧
        2. ⟦c1⟧      7. ⟦c6⟧
        3. ⟦c2⟧      8. ⟦c7⟧
        4. ⟦c3⟧      9. ⟦c8⟧
        5. ⟦c4⟧     10. ⟦c9⟧
        Keep these backup codes somewhere safe but accessible.
        You can only use each backup code once.
        """), **vals)


@T("family", "en", "not_secret")
def fam_username_text_later(r):
    return R("out_of_band_notice", D(r"""
        Proofread this before I send it to my nephew who is sorting out Mum's laptop please:

        Hiya Josh, thanks so much for doing this. Her email login is ⟦user⟧@btinternet.com, and the
        password is written on the yellow card in the kitchen drawer, I'll text you a photo of it when
        you're there. Don't install the antivirus trial again, it nagged her for months!
        """), user=r.choice(["margaret.ellis", "joan.pritchard1949", "pat.obrien"]))


@T("family", "de", "secret")
def fam_de_disney(r):
    p = pw(r, "de")
    return R("password", D(r"""
        Kannst du mir helfen, meinem Vater zu erklären, wie er Disney+ auf dem neuen Fernseher einrichtet?
        Das habe ich ihm schon per WhatsApp geschickt:

        [19:42] Ich: Papa, für Disney+ auf dem Samsung: App öffnen, "Anmelden", dann
        E-Mail: familie.⟦name⟧@web.de
        Passwort: ⟦pw⟧
        [19:43] Ich: Groß- und Kleinschreibung beachten!
        [19:51] Papa: Geht nicht, da steht was von Code auf dem Handy eingeben??
        """), name=r.choice(["brandt", "kowalski", "hoffmann"]), pw=S("password", p))


@T("family", "de", "not_secret")
def fam_de_bitwarden(r):
    return R("secret_reference", D(r"""
        Formulier das bitte freundlicher, das geht an meine Schwiegermutter:

        Liebe Renate, das Passwort für das gemeinsame Amazon-Konto steht ab jetzt nur noch in Bitwarden,
        in der Organisation "Familie Weber", Sammlung "Einkaufen", Eintrag "Amazon Prime (geteilt)".
        Die Einladung zu Bitwarden hast du an deine T-Online-Adresse bekommen. Bitte nicht mehr auf den
        Zettel am Kühlschrank schreiben, der ist jetzt weg.
        """))


@T("family", "es", "secret")
def fam_es_spotify(r):
    p = pw(r, "es")
    return R("password", D(r"""
        ¿Me ayudas a escribir un mensaje para el grupo de la familia explicando cómo entrar en Spotify Familiar?
        Esto es lo que tengo:

        Hola a todos 👋 ya está el Spotify Familiar. Para los que no tenéis cuenta propia (abuela y tía Lola):
        usuario ⟦user⟧@gmail.com y contraseña ⟦pw⟧
        Los demás aceptad la invitación que os llegó al correo. ¡No cambiéis la dirección de casa!
        """), user=r.choice(["familiagarcia.casa", "losmoreno.spotify", "casa.ruizlopez"]), pw=S("password", p))


@T("family", "es", "not_secret")
def fam_es_hint(r):
    return R("password_hint", D(r"""
        Mi madre me manda esto y no entiende por qué no puede entrar en Movistar Plus+. ¿Qué le digo?

        "Hija, he puesto el usuario de siempre (⟦dni⟧) y la contraseña que me dijiste: la de siempre pero
        con el cumpleaños de la abuela al final, y me sale «credenciales incorrectas» tres veces. ¿La
        cambiaste tú? No me acuerdo si era con mayúscula."
        """), dni=digits(r, 8) + r.choice("TRWAGMYFPDXBNJZSQVHLCKE"))


@T("family", "pt", "secret")
def fam_pt_bank_pin(r):
    p = pin(r, 6)
    return R("pin", D(r"""
        Meu marido vai viajar e eu preciso pagar os boletos pelo app do banco dele. Ele mandou isso no
        WhatsApp, é seguro eu guardar aqui no chat com você pra não esquecer?

        "Amor, no app do Itaú entra com a agência ⟦ag⟧ e conta ⟦cc⟧-⟦dv⟧, a senha eletrônica de 6 dígitos é ⟦pin⟧.
        O token tá no meu celular mas eu te passo o código na hora se pedir. Não esquece o do condomínio dia 10 ❤️"
        """), ag=digits(r, 4, False), cc=digits(r, 5), dv=r.randint(0, 9), pin=S("pin", p))


@T("family", "ja", "secret")
def fam_ja_amazon(r):
    p = pw(r, "ja")
    return R("password", D(r"""
        母にAmazonの使い方を説明したいので、このLINEのメッセージをもっと分かりやすく書き直してもらえますか？

        お母さんへ
        Amazonのアカウントを作っておいたよ。
        メールアドレス：⟦user⟧@docomo.ne.jp
        パスワード：⟦pw⟧
        ログインしたら「注文履歴」からお米の定期便を確認してね。分からなかったら週末に電話して。
        """), user=r.choice(["yoko-tanaka.1956", "sachiko.m-home", "hiromi.ito0312"]), pw=S("password", p))


@T("family", "ja", "not_secret")
def fam_ja_phone_later(r):
    return R("out_of_band_notice", D(r"""
        取引先の個人事業主さんに送るメール、敬語をチェックしてください。

        いつもお世話になっております。
        共有フォルダ（Dropbox）の招待を ⟦mail⟧ 宛にお送りしました。
        ログイン用のパスワードは、セキュリティのためメールではお送りせず、明日のお打ち合わせの際に
        お電話でお伝えいたします。何卒よろしくお願いいたします。
        """), mail=r.choice(["info@kobayashi-design.jp", "office@yamamoto-sekkei.jp"]))


@T("family", "ko", "secret")
def fam_ko_netflix(r):
    p = pw(r, "ko")
    return R("password", D(r"""
        동생이랑 넷플릭스 같이 쓰는데 자꾸 "이 계정을 사용하는 가구가 아닙니다"가 떠요. 카톡으로 보낸 거 보여줄게요:

        나: 넷플 아이디 ⟦user⟧@naver.com 비번 ⟦pw⟧ 이거야
        나: 프로필은 "막내" 써
        동생: ㅇㅋ 근데 TV에서 인증코드 보내래
        이거 어떻게 해결해요?
        """), user=r.choice(["jiwoo_0815", "minseok.family", "haeun2001"]), pw=S("password", p))


@T("family", "zh", "secret")
def fam_zh_iqiyi(r):
    p = pw(r, "zh")
    return R("password", D(r"""
        帮我把这段微信消息改得简单一点，我爸妈看不太懂：

        爸妈，爱奇艺会员我续好了，电视上登录用这个：
        手机号：1⟦phone⟧
        密码：⟦pw⟧
        登录以后点"我的"→"观看历史"就能接着看《繁花》。别点那个"升级星钻"，会扣钱。
        """), phone=digits(r, 10, False), pw=S("password", p))


@T("family", "zh", "not_secret")
def fam_zh_masked(r):
    return R("redacted", D(r"""
        我妈截图发给我的，问她的淘宝账号是不是被盗了，你帮我看看这条短信是什么意思：

        【淘宝】您的账号 ⟦user⟧ 于 ⟦time⟧ 在新设备（iPhone 15）登录。
        登录密码：******（已修改）
        如非本人操作，请立即前往"设置-账号与安全"冻结账号。
        """), user="t_" + digits(r, 12), time="2025-03-%02d 21:%02d" % (r.randint(1, 28), r.randint(0, 59)))


@T("family", "ar", "secret")
def fam_ar_shahid(r):
    p = pw(r, "ar")
    return R("password", D(r"""
        ساعدني أكتب رسالة واتساب لأخي بطريقة مرتبة، هذه المسودة:

        يا أحمد، اشتراك شاهد VIP جاهز. ادخل من التلفزيون بالبريد ⟦user⟧@hotmail.com
        وكلمة المرور ⟦pw⟧
        لا تغيّر كلمة المرور لأن الوالدة تستخدم نفس الحساب، وإذا طلب منك رمز تحقق كلمني.
        """), user=r.choice(["alharbi.family", "omar.zahrani88", "bayt.alsaeed"]), pw=S("password", p))


@T("family", "hi", "not_secret")
def fam_hi_otp_advice(r):
    return R("security_advice", D(r"""
        मेरे पापा के लिए एक छोटा सा मैसेज लिख दो, उन्हें बार-बार फ्रॉड कॉल आते हैं:

        पापा, कोई भी बैंक वाला या "KYC अपडेट" वाला फोन पर OTP, UPI PIN या पासवर्ड नहीं माँगता।
        अगर कोई बोले कि "आपके खाते में ₹⟦amt⟧ गलती से आ गए हैं, वापस करने के लिए PIN डालिए", तो फोन काट दीजिए।
        शक हो तो मुझे या बैंक के नंबर 1800 1234 पर कॉल कीजिए।
        """), amt=r.choice(["4,999", "12,500", "7,250"]))


@T("family", "sw", "secret")
def fam_sw_mpesa_pin(r):
    p = pin(r, 4)
    return R("pin", D(r"""
        Naomba unisaidie kuandika ujumbe huu vizuri kwa mke wangu, nasafiri kesho:

        Mpenzi, simu yangu ya pili (Safaricom) nitaiacha nyumbani. Kama mwenye nyumba akipiga kuhusu kodi,
        tumia M-Pesa ya simu hiyo. PIN ni ⟦pin⟧. Lipa Paybill ya mwenye nyumba, akaunti ni nambari ya nyumba (B12).
        Usimpe mtu mwingine PIN hiyo tafadhali.
        """), pin=S("pin", p))


@T("family", "sw", "not_secret")
def fam_sw_till(r):
    return R("identifier", D(r"""
        Nisaidie kuandika tangazo fupi la WhatsApp kwa duka langu la vitenge:

        Karibu Mama Neema Fashions! Sasa unaweza kulipa kwa Lipa na M-Pesa.
        Buy Goods Till Number: ⟦till⟧
        Jina: NEEMA FASHIONS ⟦town⟧
        Tuma picha ya ujumbe wa uthibitisho baada ya kulipa. Hatutakuuliza PIN yako kamwe.
        """), till=digits(r, 6), town=r.choice(["KARIAKOO", "NAKURU", "ARUSHA"]))


@T("family", "id", "not_secret")
def fam_id_rotation(r):
    return R("rotation_notice", D(r"""
        Tolong rapikan pesan ini buat grup keluarga ya:

        Info: akun Netflix keluarga tadi malam ada yang login dari ⟦city⟧, jadi kata sandinya sudah saya ganti dan
        semua perangkat sudah saya logout. Kata sandi baru saya kirim lewat telepon satu-satu, jangan minta di grup
        ya. Profil "Eyang" tetap ada.
        """), city=r.choice(["Brasil", "Vietnam", "Turki"]))


@T("family", "tr", "secret")
def fam_tr_trendyol(r):
    p = pw(r, "tr")
    return R("password", D(r"""
        Kız kardeşime şunu yazdım, daha kibar bir hale getirebilir misin?

        Elif, Trendyol'dan annemin doğum günü hediyesini sen sipariş et, benim hesapta kayıtlı kart var.
        Giriş: ⟦user⟧@gmail.com
        Şifre: ⟦pw⟧
        Adres olarak "Annem - Kadıköy" seçili olsun, kargo Cuma'ya yetişsin.
        """), user=r.choice(["burak.yilmaz.34", "cagatay_ozturk", "serkanaksoy1990"]), pw=S("password", p))


@T("family", "th", "not_secret")
def fam_th_notebook(r):
    return R("out_of_band_notice", D(r"""
        ช่วยเขียนข้อความ LINE ถึงแม่ให้สุภาพหน่อยค่ะ

        แม่คะ ถ้าจะเข้าแอป "เป๋าตัง" ในมือถือเครื่องใหม่ ชื่อผู้ใช้คือเบอร์โทรของแม่ 08⟦phone⟧
        ส่วนรหัสผ่านหนูจดไว้ในสมุดเล่มสีน้ำเงินในลิ้นชักโต๊ะทีวีนะคะ ไม่ได้ส่งทางแชทเพราะกลัวโดนแฮ็ก
        ถ้าติดตรงไหนโทรหาหนูได้เลยค่ะ
        """), phone=digits(r, 8, False))


@T("family", "fa", "secret")
def fam_fa_filimo(r):
    p = pw(r, "fa")
    return R("password", D(r"""
        می‌خوام برای برادرم توی تلگرام بفرستم، کمکم کن مرتب‌ترش کنم:

        سلام داداش، اشتراک فیلیمو رو تمدید کردم. با این مشخصات روی تلویزیون وارد شو:
        شماره موبایل: 0912⟦phone⟧
        رمز عبور: ⟦pw⟧
        فقط پروفایل «بچه‌ها» رو پاک نکن، مامان سریال‌هاش رو اونجا می‌بینه.
        """), phone=digits(r, 7, False), pw=S("password", p))

# ===================================================================== hosting
SALT_ALPHA = "".join(chr(c) for c in range(33, 127) if chr(c) not in "'\"\\")
CRYPT_ALPHA = "./" + ALNUM


@T("hosting", "en", "secret")
def host_wpconfig_db(r):
    p = pw(r, "en", "safe")
    return R("password", D(r"""
        My WordPress site shows "Error establishing a database connection" since the host migrated it. Here's
        the top of wp-config.php, anything wrong?

        // ** Database settings - You can get this info from your web host ** //
        define( 'DB_NAME', '⟦u⟧_wp⟦n⟧' );
        define( 'DB_USER', '⟦u⟧_wpuser' );
        define( 'DB_PASSWORD', '⟦pw⟧' );
        define( 'DB_HOST', 'localhost:3307' );
        define( 'DB_CHARSET', 'utf8mb4' );
        define( 'DB_COLLATE', '' );
        $table_prefix = 'wp7x_';
        """), u=r.choice(["janesquilts", "rivercafe", "mcgrathplumb"]), n=r.randint(100, 999), pw=S("password", p))


@T("hosting", "de", "secret")
def host_de_wp_salts(r):
    keys = ["AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY"]
    vals = {"k%d" % i: S("wordpress_salt", rs(r, 64, SALT_ALPHA)) for i in range(4)}
    lines = "\n".join("define( '%s',%s'⟦k%d⟧' );" % (k, " " * (16 - len(k)), i) for i, k in enumerate(keys))
    text = D(r"""
        Nach dem Umzug zu einem neuen Hoster werden alle Nutzer ständig ausgeloggt. Mein Freelancer sagt, das
        liegt an den Salts. Muss ich die hier ändern oder nicht? Aus der wp-config.php:

        """) + "\n\n" + lines + "\n\n" + "Die anderen vier (AUTH_SALT usw.) sehen genauso aus."
    return R("wordpress_salt", text, **vals)


@T("hosting", "en", "not_secret")
def host_wpconfig_placeholder(r):
    return R("placeholder", D(r"""
        Setting up WordPress in Docker for a client. Is it OK that wp-config looks like this, or will the salts break?

        define( 'DB_NAME',     getenv_docker('WORDPRESS_DB_NAME', 'wordpress') );
        define( 'DB_USER',     getenv_docker('WORDPRESS_DB_USER', 'example username') );
        define( 'DB_PASSWORD', getenv_docker('WORDPRESS_DB_PASSWORD', 'example password') );
        define( 'AUTH_KEY',         'put your unique phrase here' );
        define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );
        define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
        """))


@T("hosting", "en", "secret")
def host_wp_app_password(r):
    ap = " ".join(rs(r, 4, ALNUM) for _ in range(6))
    return R("wordpress_app_password", D(r"""
        Trying to post to my WordPress blog from a Python script, always 401 "rest_not_logged_in". This is the
        curl I test with:

        curl -s --user "⟦user⟧:⟦ap⟧" \
          -X POST https://⟦site⟧/wp-json/wp/v2/posts \
          -H "Content-Type: application/json" \
          -d '{"title":"Test from curl","status":"draft"}'

        The application password was created under Users > Profile > Application Passwords today.
        """), user=r.choice(["editor", "sarah_admin", "kevin"]), site=r.choice(["www.greenthumbtips.blog", "sundaybakes.net"]),
        ap=S("wordpress_app_password", ap))


@T("hosting", "es", "secret")
def host_es_woocommerce(r):
    ck, cs = "ck_" + hx(r, 40), "cs_" + hx(r, 40)
    return R("woocommerce_consumer_secret", D(r"""
        Estoy conectando mi tienda WooCommerce con una hoja de Google para el inventario y me da error 401.
        ¿Está mal la autenticación? Este es el Apps Script:

        const URL = 'https://⟦site⟧/wp-json/wc/v3/products?per_page=100';
        const CLAVE_CLIENTE = '⟦ck⟧';
        const CLAVE_SECRETA = '⟦cs⟧';
        function traerProductos() {
          const auth = Utilities.base64Encode(CLAVE_CLIENTE + ':' + CLAVE_SECRETA);
          const res = UrlFetchApp.fetch(URL, {headers: {Authorization: 'Basic ' + auth}});
          Logger.log(res.getContentText());
        }
        """), site=r.choice(["tienda.ceramicasol.es", "www.velasdelsur.com"]),
        ck=S("woocommerce_consumer_key", ck), cs=S("woocommerce_consumer_secret", cs))


@T("hosting", "es", "not_secret")
def host_es_woo_masked(r):
    rows = "\n".join("%-22s %-12s ...%s   %s" % (d, p, hx(r, 7), f) for d, p, f in [
        ("Zapier", "Lectura", "12/01/2025"), ("Hoja inventario", "Lectura/Escritura", "03/02/2025"),
        ("App móvil (antigua)", "Lectura", "nunca")])
    return R("masked_key", D(r"""
        En WooCommerce > Ajustes > Avanzado > REST API veo esta tabla. ¿Cuál puedo revocar sin romper nada?

        Descripción            Permisos     Clave del consumidor   Último acceso
        """) + "\n" + rows)


@T("hosting", "en", "secret")
def host_shopify_admin(r):
    tok = "shpat_" + hx(r, 32)
    return R("shopify_access_token", D(r"""
        Why does this return 403 "[API] This action requires merchant approval for write_inventory scope"?
        It's a custom app I made in the Shopify admin for my candle shop.

        import fetch from "node-fetch";
        const SHOP = "⟦shop⟧.myshopify.com";
        const res = await fetch(`https://${SHOP}/admin/api/2024-10/inventory_levels/set.json`, {
          method: "POST",
          headers: { "X-Shopify-Access-Token": "⟦tok⟧", "Content-Type": "application/json" },
          body: JSON.stringify({ location_id: ⟦loc⟧, inventory_item_id: ⟦item⟧, available: 12 }),
        });
        """), shop=r.choice(["wick-and-willow", "ember-candle-co"]), tok=S("shopify_access_token", tok),
        loc=digits(r, 11), item=digits(r, 14))


@T("hosting", "en", "not_secret")
def host_shopify_storefront(r):
    return R("public_client_key", D(r"""
        Is it a problem that my theme's JavaScript has this in it? A customer emailed me saying "your API key is
        exposed in the page source".

        const client = ShopifyBuy.buildClient({
          domain: '⟦shop⟧.myshopify.com',
          storefrontAccessToken: '⟦tok⟧'
        });

        It's the Storefront API token from the Headless channel (public access token, unauthenticated_read_product_listings only).
        """), shop=r.choice(["tidepool-swimwear", "moss-and-fern"]), tok=hx(r, 32))


@T("hosting", "fr", "secret")
def host_fr_cpanel_mail(r):
    p = pw(r, "fr")
    acc = r.choice([("atelier-lemoine.fr", "atelierle"), ("gites-du-vercors.fr", "gitesduv")])
    return R("password", D(r"""
        Mon hébergeur m'a envoyé ce mail, je ne comprends pas la différence entre le cPanel et le webmail.
        Tu peux m'expliquer simplement ?

        Bonjour,
        Votre hébergement ⟦dom⟧ est activé.
        Accès cPanel : https://⟦srv⟧.o2switch.net:2083
        Identifiant : ⟦user⟧
        Mot de passe : ⟦pw⟧
        Nous vous conseillons de modifier ce mot de passe lors de votre première connexion.
        L'équipe technique
        """), dom=acc[0], srv=r.choice(["haricot", "cerise", "noisette"]), user=acc[1], pw=S("password", p))


@T("hosting", "en", "secret")
def host_cpanel_api_token(r):
    tok = rs(r, 32, UPNUM)
    return R("cpanel_api_token", D(r"""
        My backup script stopped working after the host upgraded cPanel. It used to print the list of databases.

        #!/bin/bash
        curl -sk -H "Authorization: cpanel ⟦user⟧:⟦tok⟧" \
          "https://⟦host⟧:2083/execute/Mysql/list_databases" | jq '.data[].database'

        Now it just says {"errors":["Access denied"],"status":0}
        """), user=r.choice(["harborsi", "fitzbake"]), host=r.choice(["server214.web-hosting.com", "s3.freshhost.co.uk"]),
        tok=S("cpanel_api_token", tok))


@T("hosting", "pt", "secret")
def host_pt_filezilla_b64(r):
    p = pw(r, "pt", "safe")
    enc = base64.b64encode(p.encode()).decode()
    site = r.choice([("docesdamaria.com.br", "docesdamaria1"), ("oficinadobike.com.br", "oficinabike")])
    return R("password_encoded", D(r"""
        Perdi a senha do FTP do site da minha loja, mas o FileZilla ainda conecta. Achei esse arquivo
        sitemanager.xml. Dá pra recuperar a senha daqui?

        <Server>
            <Host>ftp.⟦dom⟧</Host>
            <Port>21</Port>
            <Protocol>0</Protocol>
            <Type>0</Type>
            <User>⟦user⟧</User>
            <Pass encoding="base64">⟦enc⟧</Pass>
            <Logontype>1</Logontype>
            <Name>Loja - Locaweb</Name>
        </Server>
        """), dom=site[0], user=site[1], enc=S("password_encoded", enc))


@T("hosting", "it", "not_secret")
def host_it_filezilla_crypt(r):
    return R("encrypted_blob", D(r"""
        Ho impostato la password principale in FileZilla e adesso il file sitemanager.xml ha questa roba.
        È sicuro mandarlo al mio webmaster così importa i siti?

        <User>⟦user⟧</User>
        <Pass encoding="crypt" pubkey="⟦pk⟧">⟦blob⟧</Pass>
        <Logontype>1</Logontype>
        <Name>Aruba - sito agriturismo</Name>
        """), user=r.choice(["4829173@aruba.it", "7718302@aruba.it"]), pk=rs(r, 64, UPNUM),
        blob=rs(r, 96, UPNUM))


@T("hosting", "ru", "secret")
def host_ru_beget(r):
    p = pw(r, "ru")
    return R("password", D(r"""
        Подскажи, что из этого письма мне нужно передать фрилансеру, который будет делать сайт на WordPress?

        Здравствуйте! Ваш аккаунт на хостинге создан.
        Панель управления: https://cp.beget.com
        Логин: ⟦user⟧
        Пароль: ⟦pw⟧
        Сервер: ⟦srv⟧.beget.ru
        FTP и SSH используют те же логин и пароль.
        """), user=r.choice(["ivanovsk", "masterkl3"]), srv=r.choice(["jupiter", "caxa", "flint"]), pw=S("password", p))


@T("hosting", "ru", "not_secret")
def host_ru_htpasswd(r):
    h = "$apr1$" + rs(r, 8, CRYPT_ALPHA) + "$" + rs(r, 22, CRYPT_ALPHA)
    return R("password_hash", D(r"""
        Закрыл админку сайта через .htaccess, но браузер всё время снова спрашивает пароль. Вот файлы:

        # .htaccess
        AuthType Basic
        AuthName "Restricted"
        AuthUserFile /home/u/⟦user⟧/public_html/.htpasswd
        Require valid-user

        # .htpasswd
        ⟦user⟧:⟦h⟧
        """), user=r.choice(["manager", "olga"]), h=h)


@T("hosting", "en", "secret")
def host_mailchimp_plugin(r):
    k = hx(r, 32) + "-us" + str(r.randint(2, 21))
    return R("mailchimp_api_key", D(r"""
        The "Mailchimp for WooCommerce" plugin keeps saying "Your API key may be invalid". I copied it from
        Account > Extras > API keys. Here's the export of the plugin settings (wp option mailchimp-woocommerce):

        a:4:{s:17:"mailchimp_api_key";s:⟦klen⟧:"⟦k⟧";s:14:"mailchimp_list";s:10:"⟦list⟧";s:16:"newsletter_label";s:26:"Subscribe to our newsletter";s:15:"mailchimp_debug";b:0;}
        """), klen=len(k), k=S("mailchimp_api_key", k), list=hx(r, 10))


@T("hosting", "en", "not_secret")
def host_tracking_ids(r):
    return R("identifier", D(r"""
        Can you check my header.php, I think I pasted the tracking codes twice:

        <script async src="https://www.googletagmanager.com/gtag/js?id=G-⟦ga⟧"></script>
        <script>gtag('config', 'G-⟦ga⟧');</script>
        <!-- Google Tag Manager --> GTM-⟦gtm⟧
        <script>fbq('init', '⟦px⟧'); fbq('track', 'PageView');</script>
        """), ga=rs(r, 10, UPNUM), gtm=rs(r, 7, UPNUM), px=digits(r, 15))


@T("hosting", "ja", "secret")
def host_ja_xserver_ftp(r):
    p = pw(r, "ja", "safe")
    return R("password", D(r"""
        エックスサーバーのFTPにFFFTPで接続できません。「ログインできませんでした」と出ます。設定を見てください。

        ホストの設定名：店舗サイト
        ホスト名（アドレス）：sv⟦n⟧.xserver.jp
        ユーザー名：⟦user⟧
        パスワード／パスフレーズ：⟦pw⟧
        ローカルの初期フォルダ：C:\Users\office\Desktop\site
        PASVモードを使う：オン
        """), n=r.randint(10000, 16999), user=r.choice(["ramen-kaede", "hanaya-sora"]), pw=S("password", p))

# ======================================================================== mail
@T("mail", "en", "secret")
def mail_thunderbird_isp(r):
    p = pw(r, "en")
    return R("password", D(r"""
        Thunderbird keeps asking for my password for the outgoing server even though incoming works. These are the
        settings my internet provider sent when we set up the shop email, can you spot the mistake?

        Incoming (IMAP): mail.⟦isp⟧  port 993  SSL/TLS
        Outgoing (SMTP): smtp.⟦isp⟧  port 587  STARTTLS
        Username: orders@⟦dom⟧
        Password: ⟦pw⟧
        Authentication: Normal password
        """), isp=r.choice(["plus.net", "zen.co.uk", "sonic.net"]), dom=r.choice(["hollyfarmshop.co.uk", "twinpinesbikes.com"]),
        pw=S("password", p))


@T("mail", "de", "secret")
def mail_de_gmx_outlook(r):
    p = pw(r, "de")
    return R("password", D(r"""
        Ich richte für meine Mutter Outlook mit ihrer GMX-Adresse ein und bekomme immer "Der Server hat die
        Anmeldung abgelehnt". Hier meine Eingaben aus dem Assistenten (Screenshot abgetippt):

        Kontotyp: IMAP
        Posteingangsserver: imap.gmx.net   Port: 993   Verschlüsselung: SSL/TLS
        Postausgangsserver: mail.gmx.net   Port: 587   Verschlüsselung: STARTTLS
        Benutzername: ⟦user⟧@gmx.de
        Kennwort: ⟦pw⟧
        Muss man bei GMX erst irgendwo POP3/IMAP freischalten?
        """), user=r.choice(["ingrid.schaefer", "h.becker1952", "gisela-wolff"]), pw=S("password", p))


@T("mail", "en", "secret")
def mail_gmail_app_pw_printer(r):
    ap = " ".join(rs(r, 4, LOW) for _ in range(4))
    return R("gmail_app_password", D(r"""
        Our office Brother printer won't send scans to email. Settings page (Web Based Management > E-mail):

        SMTP Server Address: smtp.gmail.com
        SMTP Port: 587
        Server Authentication Method: SMTP-AUTH
        SMTP-AUTH Account Name: scans.⟦office⟧@gmail.com
        SMTP-AUTH Account Password: ⟦ap⟧
        SSL/TLS: TLS

        The 16-letter one is the app password Google generated, I typed it with the spaces. Is that the problem?
        """), office=r.choice(["dentalcare.leeds", "smithandco.cpa", "ridgeviewvet"]), ap=S("gmail_app_password", ap))


@T("mail", "en", "not_secret")
def mail_gmail_app_pw_howto(r):
    return R("placeholder", D(r"""
        I'm writing a help page for my customers on connecting our booking system to Gmail. Does this read OK?

        1. Turn on 2-Step Verification in your Google Account.
        2. Go to myaccount.google.com/apppasswords and create a password called "Booking".
        3. Google shows a 16-character code like xxxx xxxx xxxx xxxx. Copy it without the spaces.
        4. In Settings > Email, enter your Gmail address and paste the code into "SMTP password".
        Never share this code with our support team; we will never ask for it.
        """))


@T("mail", "fr", "secret")
def mail_fr_icloud_app_pw(r):
    ap = "-".join(rs(r, 4, LOW) for _ in range(4))
    return R("apple_app_password", D(r"""
        J'essaie d'ajouter mon adresse iCloud dans le client mail de mon PC Linux (Evolution) et ça refuse.
        J'ai bien créé un mot de passe pour app sur appleid.apple.com. Voilà ce que j'ai mis :

        Adresse : ⟦user⟧@icloud.com
        Serveur IMAP : imap.mail.me.com, port 993, SSL
        Serveur SMTP : smtp.mail.me.com, port 587, STARTTLS
        Nom d'utilisateur : ⟦user⟧
        Mot de passe (pour app) : ⟦ap⟧
        """), user=r.choice(["claire.dubois", "m.lefebvre", "julien_roux"]), ap=S("apple_app_password", ap))


@T("mail", "fr", "not_secret")
def mail_fr_imap_table(r):
    return R("no_credential", D(r"""
        Tu peux me transformer ce tableau en instructions pas à pas pour ma secrétaire (Outlook sur Mac) ?

        | Paramètre         | Valeur                         |
        |-------------------|--------------------------------|
        | Serveur entrant   | ssl0.ovh.net (IMAP, 993, SSL)  |
        | Serveur sortant   | ssl0.ovh.net (SMTP, 465, SSL)  |
        | Identifiant       | l'adresse e-mail complète      |
        | Mot de passe      | celui du compte e-mail (choisi à la création dans l'espace client OVH) |
        | Authentification  | mot de passe normal            |
        """))


@T("mail", "ko", "secret")
def mail_ko_naver_imap(r):
    p = pw(r, "ko")
    return R("password", D(r"""
        아웃룩에 네이버 메일을 연결하려는데 계속 "인증 실패"가 나와요. 설정 확인 부탁드려요.

        받는 메일 서버(IMAP): imap.naver.com / 993 / SSL
        보내는 메일 서버(SMTP): smtp.naver.com / 587 / STARTTLS
        사용자 이름: ⟦user⟧
        비밀번호: ⟦pw⟧
        네이버 메일 환경설정에서 IMAP/SMTP 사용함으로 바꿔놨어요. 2단계 인증은 켜져 있어요.
        """), user=r.choice(["bakery_sol", "cafe_haru22", "minji.office"]), pw=S("password", p))


@T("mail", "vi", "secret")
def mail_vi_phpmailer(r):
    p = pw(r, "vi", "safe")
    return R("password", D(r"""
        Form liên hệ trên website của tiệm mình không gửi được mail, báo lỗi "SMTP connect() failed". Bạn xem giúp đoạn code này:

        $mail = new PHPMailer(true);
        $mail->isSMTP();
        $mail->Host       = 'mail.⟦dom⟧';
        $mail->SMTPAuth   = true;
        $mail->Username   = 'lienhe@⟦dom⟧';
        $mail->Password   = '⟦pw⟧';
        $mail->SMTPSecure = PHPMailer::ENCRYPTION_SMTPS;
        $mail->Port       = 465;
        """), dom=r.choice(["tiemhoamai.vn", "banhmisaigon.com.vn"]), pw=S("password", p))


@T("mail", "ar", "secret")
def mail_ar_brevo_smtp(r):
    k = "xsmtpsib-" + hx(r, 64) + "-" + rs(r, 16)
    return R("brevo_smtp_key", D(r"""
        إضافة WP Mail SMTP في موقع المتجر تعطي خطأ "Authentication failed". هذه الإعدادات التي أدخلتها، هل المشكلة في المفتاح؟

        Mailer: Other SMTP
        SMTP Host: smtp-relay.brevo.com
        Encryption: TLS   Port: 587
        SMTP Username: ⟦user⟧@smtp-brevo.com
        SMTP Password: ⟦k⟧
        From Email: info@⟦dom⟧
        """), user=hx(r, 6) + digits(r, 3), dom=r.choice(["dar-alward.sa", "attar-store.ae"]), k=S("brevo_smtp_key", k))


@T("mail", "tr", "not_secret")
def mail_tr_dkim(r):
    return R("signature", D(r"""
        Müşterilerime giden e-postalar spam'e düşüyor. Gelen bir mailin başlıklarını yapıştırıyorum, DKIM doğru mu?

        Authentication-Results: mx.google.com;
               dkim=pass header.i=@⟦dom⟧ header.s=default header.b=⟦short⟧;
               spf=pass smtp.mailfrom=bilgi@⟦dom⟧
        DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=⟦dom⟧; s=default;
               h=From:To:Subject:Date:Message-ID; bh=⟦bh⟧;
               b=⟦b1⟧
                 ⟦b2⟧
        """), dom=r.choice(["yildizmobilya.com.tr", "ozkanbaharat.com"]), short=rs(r, 8, B64),
        bh=b64bytes(r, 32), b1=rs(r, 76, B64), b2=rs(r, 94, B64) + "==")


# ======================================================================== home
@T("home", "en", "secret")
def home_ha_secrets_yaml(r):
    w, m, c = pw(r, "en", "safe"), pw(r, "en", "safe"), pw(r, "en", "safe")
    return R("password", D(r"""
        Home Assistant says "Secret mqtt_password not defined" after I restored a backup. Here's my secrets.yaml:

        # Use this file to store secrets like usernames and passwords.
        wifi_ssid: "⟦ssid⟧"
        wifi_password: "⟦w⟧"
        mqtt_user: homeassistant
        mqtt_pass: "⟦m⟧"
        camera_driveway_password: "⟦c⟧"
        latitude_home: 52.0453
        """), ssid=r.choice(["Fletcher-House", "BT-KZ7P2Q", "TheBatcave5G"]),
        w=S("password", w), m=S("password", m), c=S("password", c))


@T("home", "en", "not_secret")
def home_ha_config_refs(r):
    return R("secret_reference", D(r"""
        Why is Home Assistant complaining about the mqtt section? configuration.yaml:

        mqtt:
          broker: 192.168.1.⟦ip⟧
          username: !secret mqtt_user
          password: !secret mqtt_password
        camera:
          - platform: generic
            still_image_url: http://192.168.1.⟦cam⟧/snap.jpg
            username: admin
            password: !secret camera_driveway_password
        """), ip=r.randint(2, 99), cam=r.randint(100, 199))


@T("home", "de", "secret")
def home_de_zigbee_key(r):
    key = ", ".join(str(r.randint(0, 255)) for _ in range(16))
    return R("zigbee_network_key", D(r"""
        Ich habe den Zigbee-Stick getauscht (Sonoff ZBDongle-E statt CC2531) und jetzt verbinden sich meine Aqara-
        Sensoren nicht mehr. Muss ich alles neu anlernen? Auszug aus der zigbee2mqtt configuration.yaml:

        serial:
          port: /dev/ttyUSB0
          adapter: ember
        advanced:
          pan_id: ⟦pan⟧
          ext_pan_id: [⟦ext⟧]
          channel: 15
          network_key: [⟦key⟧]
        """), pan=r.randint(4000, 60000), ext=", ".join(str(r.randint(0, 255)) for _ in range(8)),
        key=S("zigbee_network_key", key))


@T("home", "de", "not_secret")
def home_de_zigbee_generate(r):
    return R("placeholder", D(r"""
        Frische Zigbee2MQTT-Installation auf dem Raspberry Pi. In der Anleitung steht, ich soll das hier eintragen.
        Ist das sicher, oder muss ich mir selbst einen Schlüssel ausdenken?

        advanced:
          network_key: GENERATE
          pan_id: GENERATE
          ext_pan_id: GENERATE
          log_level: info
        """))


@T("home", "en", "secret")
def home_zwave_s2_keys(r):
    ks = [rs(r, 32, HEXU) for _ in range(4)]
    return R("zwave_security_key", D(r"""
        I'm moving Z-Wave JS UI from a Pi to a NUC. Do I only need to copy these keys so my door locks keep working,
        or the whole store folder? From settings.json:

        "zwave": {
          "port": "/dev/serial/by-id/usb-Zooz_800_Z-Wave_Stick_533D004242-if00",
          "securityKeys": {
            "S2_Unauthenticated": "⟦a⟧",
            "S2_Authenticated": "⟦b⟧",
            "S2_AccessControl": "⟦c⟧",
            "S0_Legacy": "⟦d⟧"
          }
        }
        """), a=S("zwave_security_key", ks[0]), b=S("zwave_security_key", ks[1]),
        c=S("zwave_security_key", ks[2]), d=S("zwave_security_key", ks[3]))


@T("home", "pl", "secret")
def home_pl_mosquitto_pub(r):
    p = pw(r, "pl", "plain")
    return R("password", D(r"""
        Próbuję wysłać testową wiadomość do brokera MQTT na Raspberry Pi i dostaję "Connection Refused: not authorised".
        Hasło na pewno jest dobre, bo Home Assistant się łączy. Co robię źle?

        $ mosquitto_pub -h 192.168.0.⟦ip⟧ -p 1883 -u domek -P ⟦pw⟧ -t "dom/salon/lampa" -m "ON"
        Connection error: Connection Refused: not authorised.
        """), ip=r.randint(10, 60), pw=S("password", p))


@T("home", "pl", "not_secret")
def home_pl_mosquitto_hash(r):
    h = "$7$101$" + b64bytes(r, 12) + "$" + b64bytes(r, 64)
    return R("password_hash", D(r"""
        Czy to normalne, że w pliku haseł Mosquitto nie widać mojego hasła? Bałem się, że ktoś je przeczyta z karty SD.

        pi@malinka:~ $ sudo cat /etc/mosquitto/passwd
        domek:⟦h⟧
        """), h=h)


@T("home", "es", "secret")
def home_es_router_sticker(r):
    wpa = rs(r, 20, UPNUM)
    admin = rs(r, 8, LOWNUM)
    return R("password", D(r"""
        Le hice una foto a la pegatina del router de Movistar para configurar el repetidor, el texto sale así (OCR).
        ¿Cuál de todas es la contraseña del WiFi?

        Smart WiFi 6  Modelo: GPT-2742GX4X5v6
        S/N: ⟦sn⟧   MAC: ⟦mac⟧
        Red WiFi (SSID): MOVISTAR_⟦ssid⟧
        Contraseña WiFi: ⟦wpa⟧
        Acceso configuración: http://192.168.1.1
        Contraseña de acceso: ⟦admin⟧
        """), sn=rs(r, 12, UPNUM), mac=mac(r), ssid=rs(r, 4, HEXU), wpa=S("password", wpa), admin=S("password", admin))


@T("home", "es", "not_secret")
def home_es_router_masked(r):
    return R("redacted", D(r"""
        En la web del router (Configuración avanzada > WiFi) me sale esto. ¿Cómo veo la clave sin el punto?

        Nombre de la red (SSID): ⟦ssid⟧
        Seguridad: WPA2-PSK/WPA3-SAE
        Clave de seguridad: ••••••••••••••••••••   [👁 mostrar]
        Canal: Automático (11)
        """), ssid=r.choice(["Casa_Lopez_5G", "DIGIFIBRA-PLUS-7QX2", "Familia-Marin"]))


@T("home", "it", "secret")
def home_it_synology(r):
    p = pw(r, "it")
    return R("password", D(r"""
        Mio suocero ha un NAS Synology e vuole che io gli sistemi i backup da remoto. Mi ha mandato questa mail,
        cosa mi serve ancora?

        Ciao, ecco i dati del NAS:
        QuickConnect ID: ⟦qc⟧
        utente: admin_casa
        password: ⟦pw⟧
        Il modello è un DS220+, l'ho comprato nel 2021. Le foto sono nella cartella "Foto famiglia".
        """), qc=r.choice(["fam-bernardi", "nas-colombo", "casarusso22"]), pw=S("password", p))


@T("home", "it", "not_secret")
def home_it_synology_serial(r):
    return R("serial_number", D(r"""
        Il supporto Synology mi chiede i dati del dispositivo. Questi bastano o devo dare anche altro?

        Modello: DS920+
        Numero di serie: ⟦sn⟧
        Versione DSM: 7.2.2-72806 Update 3
        Indirizzo MAC (LAN 1): ⟦mac⟧
        QuickConnect ID: studio-⟦qc⟧
        """), sn=digits(r, 4) + rs(r, 3, UP) + digits(r, 6), mac=mac(r, ":"), qc=r.choice(["ferri", "gallo", "marchetti"]))


@T("home", "zh", "secret")
def home_zh_xiaomi_router(r):
    a, w = pw(r, "zh"), pw(r, "zh")
    return R("password", D(r"""
        我家小米路由器 AX3000 老是掉线，我想让你帮我看看设置。这是我记在备忘录里的：

        管理后台：192.168.31.1
        管理密码：⟦a⟧
        Wi-Fi 名称：Xiaomi_⟦ssid⟧（2.4G 和 5G 合一）
        Wi-Fi 密码：⟦w⟧
        宽带账号：0755⟦acc⟧（电信）
        """), ssid=rs(r, 4, HEXU), acc=digits(r, 8), a=S("password", a), w=S("password", w))


@T("home", "hi", "secret")
def home_hi_guest_wifi(r):
    p = pw(r, "hi")
    return R("password", D(r"""
        शादी में बहुत सारे मेहमान आ रहे हैं, घर के बाहर लगाने के लिए एक अच्छा सा बोर्ड का टेक्स्ट बना दो:

        मेहमानों के लिए Wi-Fi
        नेटवर्क का नाम: ⟦ssid⟧
        पासवर्ड: ⟦pw⟧
        कृपया राउटर को बंद न करें 🙏
        """), ssid=r.choice(["Sharma_Guest", "JioFiber-Verma", "Airtel_Gupta_Shaadi"]), pw=S("password", p))


@T("home", "th", "secret")
def home_th_esphome(r):
    k = b64bytes(r, 32)
    o = pw(r, "th", "safe")
    return R("esphome_api_key", D(r"""
        ช่วยดูไฟล์ ESPHome ของปลั๊กอัจฉริยะให้หน่อยครับ Home Assistant หาอุปกรณ์ไม่เจอ ขึ้นว่า "invalid encryption key"

        esphome:
          name: plug-living-room
        esp8266:
          board: esp01_1m
        api:
          encryption:
            key: "⟦k⟧"
        ota:
          - platform: esphome
            password: "⟦o⟧"
        """), k=S("esphome_api_key", k), o=S("password", o))


@T("home", "en", "secret")
def home_ha_llat_curl(r):
    tok = jwt(r, {"alg": "HS256", "typ": "JWT"},
              {"iss": hx(r, 32), "iat": 1735000000 + r.randint(0, 9999999), "exp": 2050000000 + r.randint(0, 9999999)})
    return R("home_assistant_token", D(r"""
        Trying to turn on my porch light from an iOS Shortcut. This curl works from my laptop but the Shortcut
        gets 401. Is the header format different?

        curl -X POST \
          -H "Authorization: Bearer ⟦tok⟧" \
          -H "Content-Type: application/json" \
          -d '{"entity_id": "light.porch"}' \
          https://⟦host⟧.duckdns.org:8123/api/services/light/turn_on
        """), host=r.choice(["hollowayhome", "casa-pereira", "mybungalow"]), tok=S("home_assistant_token", tok))


@T("home", "ko", "secret")
def home_ko_doorlock(r):
    p = pin(r, 6)
    return R("pin", D(r"""
        에어비앤비 게스트한테 보낼 체크인 안내 메시지 좀 자연스럽게 다듬어 주세요.

        안녕하세요! 체크인은 오후 3시부터예요.
        건물 공동현관 비밀번호는 호출 버튼 누르고 *⟦g⟧# 입니다.
        객실 도어락 비밀번호: ⟦p⟧ (누르고 * 버튼)
        와이파이는 냉장고 옆에 붙어 있어요. 즐거운 여행 되세요!
        """), g=S("pin", pin(r, 4)), p=S("pin", p))


@T("home", "en", "secret")
def home_tuya_local_key(r):
    k = rs(r, 16, ALNUM + "!#%()*+-./:;<=>?@[]^_{|}~")
    did = "bf" + rs(r, 20, LOWNUM)
    return R("tuya_local_key", D(r"""
        tinytuya can see my Tuya smart plug but status() returns "Error 914: Check device key or version". This is
        the entry from devices.json that the wizard made:

        {
            "name": "Dehumidifier plug",
            "id": "⟦did⟧",
            "key": "⟦k⟧",
            "mac": "⟦mac⟧",
            "category": "cz",
            "product_name": "Smart Plug 16A",
            "ip": "192.168.1.⟦ip⟧",
            "version": "3.3"
        }
        """), did=did, k=S("tuya_local_key", k), mac=mac(r, ":").lower(), ip=r.randint(20, 240))


@T("home", "en", "not_secret")
def home_tuya_ids(r):
    return R("identifier", D(r"""
        Tuya IoT platform says my cloud project trial expired. Before I renew, which of these do I actually need for
        the local integration? I copied them from the project overview page:

        Data Center: Central Europe
        Project Code: p⟦pc⟧
        Device ID (Living room bulb): bf⟦d1⟧
        Device ID (Hallway sensor): eb⟦d2⟧
        Product ID: ⟦prod⟧
        UID (linked app account): eu⟦uid⟧
        """), pc=digits(r, 13), d1=rs(r, 20, LOWNUM), d2=rs(r, 20, LOWNUM), prod=rs(r, 16, LOWNUM), uid=digits(r, 19))


@T("home", "ru", "secret")
def home_ru_rtsp(r):
    p = pw(r, "ru", "url")
    return R("password", D(r"""
        Подключаю камеру Hikvision к Frigate, в логах "401 Unauthorized", хотя в VLC по этой же ссылке открывается.
        Вот кусок config.yml:

        cameras:
          dvor:
            ffmpeg:
              inputs:
                - path: rtsp://admin:⟦pw⟧@192.168.1.⟦ip⟧:554/Streaming/Channels/101
                  roles: [detect, record]
        """), ip=r.randint(64, 99), pw=S("password", p))


@T("home", "id", "not_secret")
def home_id_ont_default(r):
    return R("doc_default_credential", D(r"""
        Saya mau ganti nama WiFi IndiHome di modem ZTE F670L. Di buku panduan tertulis begini, tapi tidak bisa masuk.
        Apakah teknisi sudah menggantinya?

        Alamat login: http://192.168.1.1
        Username: user
        Password: user
        (Nilai bawaan pabrik. Demi keamanan, segera ganti kata sandi setelah login pertama.)
        """))

# ====================================================================== gaming
@T("gaming", "en", "secret")
def game_server_properties_rcon(r):
    p = pw(r, "en", "safe")
    return R("password", D(r"""
        My kids' Minecraft server (Paper 1.21) won't accept RCON from the web panel I installed. Relevant bits of
        server.properties:

        enable-rcon=true
        rcon.port=25575
        rcon.password=⟦pw⟧
        broadcast-rcon-to-ops=true
        server-port=25565
        white-list=true
        motd=\u00A7aThe Lewis Family Server
        """), pw=S("password", p))


@T("gaming", "en", "not_secret")
def game_rcon_empty(r):
    return R("empty_value", D(r"""
        Fresh Minecraft server on a VPS, I see these lines. Do I need to fill anything in if I never use RCON?

        enable-rcon=false
        rcon.password=
        rcon.port=25575
        enable-query=false
        query.port=25565
        level-seed=⟦seed⟧
        """), seed="-" + digits(r, 18))


@T("gaming", "de", "secret")
def game_de_mcrcon(r):
    p = pw(r, "de", "plain")
    return R("password", D(r"""
        Ich will per Cronjob jede Nacht um 4 Uhr eine Warnung im Minecraft-Chat ausgeben und dann neu starten.
        Manuell klappt es, im Cron passiert nichts. Was fehlt?

        0 4 * * * /usr/local/bin/mcrcon -H 127.0.0.1 -P 25575 -p ⟦pw⟧ "say Neustart in 5 Minuten" >> /home/mc/rcon.log 2>&1
        """), pw=S("password", p))


@T("gaming", "en", "secret")
def game_discordpy_token(r):
    tok = discord_bot(r)
    return R("discord_bot_token", D(r"""
        My Discord bot for our D&D group starts but never responds to !roll. What's wrong?

        import discord, random
        intents = discord.Intents.default()
        client = discord.Client(intents=intents)

        @client.event
        async def on_message(message):
            if message.content.startswith("!roll"):
                await message.channel.send(f"🎲 {random.randint(1, 20)}")

        client.run("⟦tok⟧")
        """), tok=S("discord_bot_token", tok))


@T("gaming", "en", "not_secret")
def game_discord_public_key(r):
    return R("public_key", D(r"""
        Setting up slash commands with a Cloudflare Worker. Discord's portal shows these on the General Information
        page; which one goes into the signature check (verifyKey)?

        APPLICATION ID      ⟦appid⟧
        PUBLIC KEY          ⟦pk⟧
        INTERACTIONS ENDPOINT URL   https://dice-bot.⟦sub⟧.workers.dev/interactions
        """), appid=str(r.randint(10**18, 13 * 10**17 * 10)), pk=hx(r, 64), sub=r.choice(["tabletop", "kestrel", "dungeonnights"]))


@T("gaming", "en", "secret")
def game_steam_key_br(r):
    k = rs(r, 32, HEXU)
    return R("steam_api_key", D(r"""
        My cousin in Brazil wrote this script to see how many hours our friends played CS2, but it returns an empty
        list for some of them. Why?

        import requests
        CHAVE = "⟦k⟧"
        ids = ["7656119⟦a⟧", "7656119⟦b⟧"]
        for sid in ids:
            r = requests.get("https://api.steampowered.com/IPlayerService/GetOwnedGames/v1/",
                             params={"key": CHAVE, "steamid": sid, "include_appinfo": 1})
            print(sid, r.json())
        """), k=S("steam_api_key", k), a=digits(r, 10), b=digits(r, 10))


@T("gaming", "pt", "not_secret")
def game_pt_steamid(r):
    return R("identifier", D(r"""
        Um cara no Discord pediu meu "Steam ID e código de amigo" pra me adicionar num torneio. Isso é perigoso?
        Copiei do meu perfil:

        SteamID64: 7656119⟦a⟧
        Código de amigo: ⟦fc⟧
        URL do perfil: https://steamcommunity.com/profiles/7656119⟦a⟧
        """), a=digits(r, 10), fc=digits(r, 10))


@T("gaming", "ja", "secret")
def game_ja_discord_env(r):
    tok = discord_bot(r)
    return R("discord_bot_token", D(r"""
        Discordの読み上げBotをRenderにデプロイしたら「Improper token has been passed」と出ます。ローカルでは動きます。
        .env の中身はこれです：

        DISCORD_TOKEN=⟦tok⟧
        VOICEVOX_URL=http://localhost:50021
        GUILD_ID=⟦gid⟧
        """), tok=S("discord_bot_token", tok), gid=str(r.randint(10**17, 13 * 10**17)))


@T("gaming", "tr", "secret")
def game_tr_valheim(r):
    p = pw(r, "tr", "plain")
    return R("password", D(r"""
        Arkadaşlarla Valheim sunucusu kurdum ama kimse bağlanamıyor, "incorrect password" diyor. Başlatma dosyam:

        export templdpath=$LD_LIBRARY_PATH
        export LD_LIBRARY_PATH=./linux64:$LD_LIBRARY_PATH
        export SteamAppId=892970
        ./valheim_server.x86_64 -name "Vikingler TR" -port 2456 -world "Asgard" -password ⟦pw⟧ -public 0
        export LD_LIBRARY_PATH=$templdpath
        """), pw=S("password", p))


@T("gaming", "ko", "not_secret")
def game_ko_whitelist(r):
    rows = ",\n".join('  {"uuid": "%s", "name": "%s"}' % (uid(r), n) for n in ["minsu_kr", "Daeho99", "yuna_pixel"])
    return R("identifier", D(r"""
        마인크래프트 서버 화이트리스트 파일인데, 친구 하나가 계속 "You are not white-listed" 라고 떠요. 형식이 틀렸나요?

        [
        """) + "\n" + rows + "\n]")


@T("gaming", "en", "secret")
def game_twitch_chat_oauth(r):
    tok = rs(r, 30, LOWNUM)
    return R("twitch_oauth_token", D(r"""
        My little Twitch chat bot (raw IRC, no library) gets "Login authentication failed". Log:

        > PASS oauth:⟦tok⟧
        > NICK ⟦nick⟧
        > JOIN #⟦chan⟧
        < :tmi.twitch.tv NOTICE * :Login authentication failed
        """), tok=S("twitch_oauth_token", tok), nick=r.choice(["pixelpalbot", "snackbot_9000"]),
        chan=r.choice(["cozygamergran", "speedyraccoon"]))


@T("gaming", "zh", "not_secret")
def game_zh_discord_invite(r):
    return R("identifier", D(r"""
        帮我写一条 B 站动态，邀请粉丝加入我们的 Discord 群：

        服务器邀请链接：https://discord.gg/⟦inv⟧
        服务器 ID：⟦gid⟧（加不进去的话把这个发给管理员）
        进群后请先到 #规则 频道点 ✅ 领取身份组。
        """), inv=rs(r, 8, ALNUM), gid=str(r.randint(10**17, 13 * 10**17)))


# =================================================================== streaming
def twitch_stream_key(r):
    return "live_" + digits(r, 9) + "_" + rs(r, 30)


@T("streaming", "en", "secret")
def stream_obs_service_json(r):
    k = twitch_stream_key(r)
    return R("twitch_stream_key", D(r"""
        OBS says "Failed to connect to server" every time I go live. I found service.json in my profile folder:

        {
            "settings": {
                "bwtest": false,
                "key": "⟦k⟧",
                "server": "auto",
                "service": "Twitch"
            },
            "type": "rtmp_common"
        }
        """), k=S("twitch_stream_key", k))


@T("streaming", "es", "secret")
def stream_es_youtube_key(r):
    k = "-".join(rs(r, 4, LOWNUM) for _ in range(5))
    return R("youtube_stream_key", D(r"""
        Quiero transmitir la misa del domingo por YouTube desde OBS. Puse esto en Ajustes > Emisión pero no arranca.
        ¿Falta algo?

        Servicio: YouTube - RTMPS
        Servidor: Primary YouTube ingest server
        Clave de retransmisión: ⟦k⟧
        """), k=S("youtube_stream_key", k))


@T("streaming", "en", "not_secret")
def stream_rtmp_placeholder(r):
    return R("placeholder", D(r"""
        Can you turn this into a short checklist for the volunteers who run our church livestream?

        - In OBS: Settings > Stream > Service: Custom
        - Server: rtmp://a.rtmp.youtube.com/live2
        - Stream Key: <paste the key from YouTube Studio > Go Live > Stream settings>
        - Never post a screenshot of the Stream settings page in the group chat.
        """))


@T("streaming", "pt", "secret")
def stream_pt_twitch_ocr(r):
    k = twitch_stream_key(r)
    return R("twitch_stream_key", D(r"""
        Tirei print do painel da Twitch pra mostrar pro meu amigo que vai fazer o streaming do campeonato do colégio.
        O texto do print saiu assim, dá pra entender onde ele cola isso no OBS?

        Painel do criador > Configurações > Transmissão
        Chave de transmissão primária
        ⟦k⟧   [Copiar]  [Redefinir]
        ⚠ Nunca compartilhe sua chave de transmissão
        Armazenar transmissões anteriores  ●
        """), k=S("twitch_stream_key", k))


@T("streaming", "id", "secret")
def stream_id_rtmp_url(r):
    k = "-".join(rs(r, 4, LOWNUM) for _ in range(5))
    return R("youtube_stream_key", D(r"""
        Saya pakai aplikasi Larix di HP untuk live YouTube pengajian, tapi gagal terus. URL yang saya masukkan:

        rtmp://a.rtmp.youtube.com/live2/⟦k⟧

        Apakah harus dipisah antara server dan kunci streaming?
        """), k=S("youtube_stream_key", k))


@T("streaming", "vi", "not_secret")
def stream_vi_obs_log(r):
    return R("redacted", D(r"""
        OBS của mình cứ rớt kết nối sau 10 phút livestream. Đây là đoạn log, bạn xem lỗi ở đâu:

        21:04:11.532: [rtmp stream: 'adv_stream'] Connecting to RTMP URL rtmp://live.twitch.tv/app...
        21:04:11.533: [rtmp stream: 'adv_stream'] Stream key: (redacted)
        21:04:12.110: [rtmp stream: 'adv_stream'] Connection to rtmp://live.twitch.tv/app successful
        21:14:37.902: [rtmp stream: 'adv_stream'] Disconnected from rtmp://live.twitch.tv/app
        21:14:37.902: Output 'adv_stream': Reconnecting in 10 seconds..
        """))


@T("streaming", "ar", "secret")
def stream_ar_facebook_key(r):
    k = "FB-" + digits(r, 15) + "-0-Ab" + rs(r, 30, URLSAFE)
    return R("facebook_stream_key", D(r"""
        أريد بث محاضرة الجمعية على فيسبوك من برنامج OBS. نسخت هذه البيانات من صفحة "البث المباشر"، هل أضعها كما هي؟

        عنوان URL للخادم: rtmps://live-api-s.facebook.com:443/rtmp/
        مفتاح البث المستمر: ⟦k⟧
        """), k=S("facebook_stream_key", k))


@T("streaming", "fa", "not_secret")
def stream_fa_twitch_client_id(r):
    return R("public_client_key", D(r"""
        دارم یک اورلی ساده برای استریم توییچ می‌سازم که تعداد فالوورها را نشان بدهد. در کد فرانت‌اند این را گذاشته‌ام،
        آیا اشکالی دارد که دیده شود؟

        const CLIENT_ID = "⟦cid⟧";   // شناسه عمومی اپلیکیشن از dev.twitch.tv
        const BROADCASTER_ID = "⟦bid⟧";
        // توکن کاربر را از جریان Implicit Grant می‌گیرم و در کد نمی‌نویسم
        """), cid=rs(r, 30, LOWNUM), bid=digits(r, 9))


@T("streaming", "hi", "not_secret")
def stream_hi_channel_ids(r):
    return R("identifier", D(r"""
        मेरे यूट्यूब चैनल के लिए एक वेबसाइट बनवा रहा हूँ। डेवलपर ने ये चीज़ें माँगी हैं, क्या ये देना सुरक्षित है?

        चैनल ID: UC⟦ch⟧
        लाइव वीडियो ID: ⟦vid⟧
        प्लेलिस्ट ID: PL⟦pl⟧
        """), ch=rs(r, 22, URLSAFE), vid=rs(r, 11, URLSAFE), pl=rs(r, 32, URLSAFE))


# ====================================================================== portal
@T("portal", "en", "secret")
def portal_school_letter(r):
    p = pw(r, "en", "plain", style=r.choice(["word_digits_sym", "two_words"]))
    kid = r.choice([("Leo Barker", "lbarker23"), ("Amir Hassan", "ahassan23"), ("Oscar Flynn", "oflynn23")])
    return R("password", D(r"""
        My son lost the paper with his school login. I found the photo I took of it; can you help me write a
        reminder card he can keep in his pencil case (without making it obvious what it is)?

        Oakfield Primary - Digital Learning
        Pupil: ⟦kid⟧   Class: 4B
        Google Classroom / Chromebook login:
        Username: ⟦user⟧@oakfield.sch.uk
        Password: ⟦pw⟧
        Times Tables Rock Stars: same username, PIN is your class number
        """), kid=kid[0], user=kid[1], pw=S("password", p))


@T("portal", "en", "not_secret")
def portal_school_out_of_band(r):
    return R("out_of_band_notice", D(r"""
        Please make this newsletter paragraph friendlier:

        From Monday, every pupil in Years 5 and 6 will have their own account for the new reading app. Usernames
        follow the pattern first initial + surname + year of entry (for example jsmith21). Passwords will be given to
        the children in class on printed cards and will not be emailed. If a card is lost, the class teacher can
        reset it from the teacher dashboard.
        """))


@T("portal", "fr", "secret")
def portal_fr_pronote(r):
    p = pw(r, "fr", "plain")
    kid = r.choice([("LAMBERT Inès", "i.lambert12"), ("NGUYEN Chloé", "c.nguyen7"), ("MOREAU Lina", "l.moreau34")])
    return R("password", D(r"""
        Le collège m'a donné un papier avec les codes de l'ENT pour ma fille, mais l'appli Pronote dit "identifiant ou
        mot de passe incorrect". Voilà ce qui est écrit, je me trompe où ?

        ENT Île-de-France (monlycee.net / Pronote)
        Élève : ⟦kid⟧ - 5e C
        Identifiant : ⟦user⟧
        Mot de passe provisoire : ⟦pw⟧
        À changer obligatoirement à la première connexion.
        """), kid=kid[0], user=kid[1], pw=S("password", p))


@T("portal", "pt", "secret")
def portal_pt_govbr(r):
    p = pw(r, "pt")
    return R("password", D(r"""
        Preciso ajudar minha mãe a emitir a segunda via da CNH no gov.br. Ela me passou isso pelo WhatsApp, mas
        o site pede um código de verificação. Onde ela encontra esse código?

        "Filha, o CPF é ⟦cpf⟧ e a senha do gov é ⟦pw⟧, eu anotei quando o moço do banco fez pra mim."
        """), cpf="%s.%s.%s-%s" % (digits(r, 3), digits(r, 3), digits(r, 3), digits(r, 2, False)), pw=S("password", p))


@T("portal", "pt", "not_secret")
def portal_pt_ids(r):
    return R("identifier", D(r"""
        Estou preenchendo a ficha de matrícula do meu filho numa escola estadual de SP. Quais desses documentos
        são obrigatórios? Já tenho:

        RA (Registro do Aluno): ⟦ra⟧-⟦d⟧/SP
        CPF do aluno: ⟦cpf⟧
        Cartão SUS: ⟦sus⟧
        NIS: ⟦nis⟧
        """), ra="000" + digits(r, 9), d=r.randint(0, 9), cpf="%s.%s.%s-%s" % (digits(r, 3), digits(r, 3), digits(r, 3), digits(r, 2, False)),
        sus="7%s %s %s %s" % (digits(r, 2, False), digits(r, 4, False), digits(r, 4, False), digits(r, 4, False)), nis=digits(r, 11))


@T("portal", "hi", "secret")
def portal_hi_incometax(r):
    p = pw(r, "hi", "safe")
    return R("password", D(r"""
        मेरे CA ने ITR फाइल करने के लिए लॉगिन माँगा है। ये ईमेल ठीक से लिख दो, थोड़ा औपचारिक:

        नमस्ते शर्मा जी,
        आयकर पोर्टल (incometax.gov.in) का विवरण:
        यूज़र ID (PAN): ⟦pan⟧
        पासवर्ड: ⟦pw⟧
        आधार से जुड़ा मोबाइल मेरे पास है, OTP आने पर मैं आपको फ़ोन पर बता दूँगा।
        """), pan=rs(r, 5, UP) + digits(r, 4, False) + r.choice(UP), pw=S("password", p))


@T("portal", "hi", "not_secret")
def portal_hi_aadhaar_masked(r):
    return R("redacted", D(r"""
        बैंक ने KYC के लिए ई-आधार माँगा है। मैंने masked आधार डाउनलोड किया है, उस पर ये लिखा है। क्या ये काफ़ी है?

        आपका आधार क्रमांक / Your Aadhaar No.: XXXX XXXX ⟦last⟧
        VID: 91⟦vid⟧
        जारी करने की तिथि: ⟦d⟧/0⟦m⟧/2024
        """), last=digits(r, 4), vid=digits(r, 14), d=r.randint(10, 28), m=r.randint(1, 9))


@T("portal", "tr", "secret")
def portal_tr_edevlet(r):
    p = pw(r, "tr")
    return R("password", D(r"""
        Muhasebecime babamın e-Devlet bilgilerini göndermem gerekiyor, SGK hizmet dökümü için. Mesajı düzgün yazar mısın?

        Merhaba Hakan Bey,
        Babamın bilgileri:
        T.C. Kimlik No: ⟦tc⟧
        e-Devlet şifresi: ⟦pw⟧
        İşiniz bitince haber verirseniz şifreyi değiştireceğim.
        """), tc=digits(r, 11), pw=S("password", p))


@T("portal", "tr", "not_secret")
def portal_tr_ptt_envelope(r):
    return R("out_of_band_notice", D(r"""
        Annem e-Devlet'e giremiyor. Ona ne yapması gerektiğini basitçe anlatan bir mesaj yazar mısın?

        Notlarım: Şifreyi geçen yıl PTT'den zarf içinde almıştı, zarf evde çekmecede duruyor. Şifre 3 kez yanlış
        girilince hesap kilitleniyor; kilitlenirse kimlik kartıyla PTT'ye gidip yeni şifre zarfı alması lazım.
        Şifreyi bana telefonda okumasın, ben eve gidince bakarım.
        """))


@T("portal", "ja", "secret")
def portal_ja_mynumber_pin(r):
    a, b = pin(r, 4), pin(r, 4)
    while b == a:
        b = pin(r, 4)
    return R("pin", D(r"""
        高齢の父の代わりにコンビニで住民票を取りたいです。父からこのメモを預かりました。代理で使っても大丈夫ですか？

        マイナンバーカード
        利用者証明用電子証明書の暗証番号（数字4桁）：⟦a⟧
        券面事項入力補助用の暗証番号（数字4桁）：⟦b⟧
        署名用のパスワードは忘れた
        """), a=S("pin", a), b=S("pin", b))


@T("portal", "ar", "not_secret")
def portal_ar_absher(r):
    return R("no_credential", D(r"""
        والدي يريد تجديد الإقامة لعاملة المنزل عبر أبشر، ماذا يحتاج بالضبط؟ كتبت له هذا:

        - رقم الهوية الوطنية: ⟦nid⟧
        - رقم الحدود للعاملة: ⟦border⟧
        - عند الدخول سيصلك رمز تحقق على جوالك، لا تعطه لأي شخص حتى أنا.
        - كلمة المرور أنت تعرفها، لا ترسلها لي.
        """), nid="1" + digits(r, 9, False), border="3" + digits(r, 9, False))


@T("portal", "fa", "secret")
def portal_fa_golestan(r):
    p = pw(r, "fa")
    return R("password", D(r"""
        من سرکار هستم و نمی‌توانم انتخاب واحد کنم. این پیام را برای هم‌اتاقی‌ام نوشته‌ام، مؤدبانه‌ترش کن:

        سلام علی جان، لطفاً ساعت ۸ صبح وارد سامانه گلستان شو و این درس‌ها را برایم بردار.
        شماره دانشجویی: ⟦sid⟧
        رمز عبور: ⟦pw⟧
        کدهای درس: ۱۲۱۴۰۲۳ و ۱۲۱۴۰۳۱
        """), sid="40" + digits(r, 7), pw=S("password", p))


@T("portal", "sw", "secret")
def portal_sw_kra(r):
    p = pw(r, "sw", "safe")
    return R("password", D(r"""
        Nisaidie kuandika barua pepe kwa mhasibu wangu kuhusu kuwasilisha ritani ya kodi:

        Habari Bw. Otieno,
        Tafadhali wasilisha ritani yangu ya 2024 kwenye iTax.
        KRA PIN: A⟦kra⟧Z
        Nenosiri la iTax: ⟦pw⟧
        P9 kutoka kwa mwajiri nimeiambatanisha. Asante.
        """), kra=digits(r, 9), pw=S("password", p))

# ====================================================================== crypto
@T("crypto", "en", "secret")
def crypto_seed12_valid(r):
    s = seed_phrase(r, 12)
    return R("seed_phrase", D(r"""
        I found my old wallet words on a piece of paper in a drawer. Can you tell me if this looks like a valid
        recovery phrase and which wallet app I should try it in? I think it was Trust Wallet in 2021.

        ⟦s⟧
        """), s=S("seed_phrase", s))


@T("crypto", "en", "not_secret")
def crypto_bip39_test_vector(r):
    return R("doc_example_key", D(r"""
        Writing unit tests for my wallet-derivation helper. Is it fine to commit this fixture? It's the well-known
        BIP-39 test vector, not a wallet anyone uses.

        MNEMONIC = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"
        EXPECTED_ADDRESS = "0x9858EfFD232B4033E47d90003D41EC34EcaEda94"  # m/44'/60'/0'/0/0
        """))


@T("crypto", "en", "secret")
def crypto_metamask_pk(r):
    k = hx(r, 64)
    return R("ethereum_private_key", D(r"""
        I exported the private key from MetaMask (Account details > Show private key) because I want to import the
        account into Rabby on my laptop. Rabby says "invalid private key". Is it the wrong format?

        ⟦k⟧

        Do I need to put 0x in front?
        """), k=S("ethereum_private_key", k))


@T("crypto", "de", "not_secret")
def crypto_de_eth_address(r):
    return R("wallet_address", D(r"""
        Ich habe gestern USDC von der Börse auf mein Wallet geschickt, aber es ist nicht angekommen. Ist das die
        richtige Adresse, und was bedeutet der Status?

        Empfängeradresse: 0x⟦addr⟧
        Netzwerk: Arbitrum One
        Transaktions-Hash: 0x⟦tx⟧
        Status: Erfolgreich   Block: ⟦blk⟧
        """), addr=rs(r, 40, "0123456789abcdefABCDEF"), tx=hx(r, 64), blk=digits(r, 9))


@T("crypto", "en", "secret")
def crypto_binance_python(r):
    k, s = rs(r, 64), rs(r, 64)
    return R("binance_api_secret", D(r"""
        My DCA bot throws "APIError(code=-2015): Invalid API-key, IP, or permissions for action". It worked last
        week. The key has "Enable Spot & Margin Trading" ticked.

        from binance.client import Client
        client = Client(
            api_key="⟦k⟧",
            api_secret="⟦s⟧",
        )
        order = client.order_market_buy(symbol="BTCEUR", quoteOrderQty=25)
        """), k=S("binance_api_key", k), s=S("binance_api_secret", s))


@T("crypto", "en", "not_secret")
def crypto_ccxt_env(r):
    return R("secret_reference", D(r"""
        Is this a safe way to store exchange keys for a small trading script running on a Raspberry Pi?

        import os, ccxt
        exchange = ccxt.kraken({
            "apiKey": os.environ["KRAKEN_API_KEY"],
            "secret": os.environ["KRAKEN_API_SECRET"],
            "enableRateLimit": True,
        })
        # the variables are set in /etc/systemd/system/dca.service.d/override.conf (chmod 600)
        """))


@T("crypto", "tr", "secret")
def crypto_tr_kraken(r):
    k, p = b64bytes(r, 42), b64bytes(r, 64)
    return R("kraken_private_key", D(r"""
        Kraken API ile bakiye çekmeye çalışıyorum, "EAPI:Invalid key" hatası alıyorum. Anahtarları doğru mu kopyaladım?

        API_KEY = "⟦k⟧"
        PRIVATE_KEY = "⟦p⟧"
        resp = kraken_request("/0/private/Balance", {"nonce": str(int(time.time()*1000))}, API_KEY, PRIVATE_KEY)
        """), k=S("kraken_api_key", k), p=S("kraken_private_key", p))


@T("crypto", "en", "not_secret")
def crypto_xpub(r):
    return R("public_key", D(r"""
        My accountant wants to track my Bitcoin for taxes. Is it OK to give her this from Sparrow Wallet? It's under
        Settings > Keystores.

        Wallet: Savings (Native SegWit)
        Derivation: m/84'/0'/0'
        Master fingerprint: ⟦fp⟧
        zpub: zpub6r⟦xp⟧
        First receive address: bc1q⟦addr⟧
        """), fp=hx(r, 8), xp=rs(r, 105, B58), addr=rs(r, 38, "023456789acdefghjklmnpqrstuvwxyz"))


@T("crypto", "vi", "secret")
def crypto_vi_seed24(r):
    s = seed_phrase(r, 24)
    return R("seed_phrase", D(r"""
        Điện thoại mình bị hỏng, mình muốn khôi phục ví MetaMask trên máy mới. Đây là 24 từ mình chép lại, bạn kiểm tra
        giúp xem có từ nào viết sai chính tả không:

        ⟦s⟧
        """), s=S("seed_phrase", s))


@T("crypto", "vi", "not_secret")
def crypto_vi_seed_placeholder(r):
    return R("placeholder", D(r"""
        Mình viết hướng dẫn cho nhóm Telegram về cách sao lưu ví. Bạn sửa giúp câu chữ cho dễ hiểu:

        Khi tạo ví, ứng dụng sẽ hiện 12 từ khôi phục, ví dụ: từ1 từ2 từ3 … từ12.
        Hãy chép tay ra giấy theo đúng thứ tự, KHÔNG chụp màn hình, KHÔNG gửi cho ai, kể cả admin.
        Admin sẽ không bao giờ nhắn tin hỏi cụm từ khôi phục của bạn.
        """))


@T("crypto", "id", "secret")
def crypto_id_wif(r):
    k = r.choice("KL") + rs(r, 51, B58)
    return R("bitcoin_private_key", D(r"""
        Saya punya private key Bitcoin dari paper wallet lama (dibuat tahun 2017). Bagaimana cara memindahkan saldonya
        ke Electrum? Ini tulisan di kertasnya:

        Private Key (WIF): ⟦k⟧
        Address: 1⟦addr⟧
        """), k=S("bitcoin_private_key", k), addr=rs(r, 33, B58))


@T("crypto", "en", "not_secret")
def crypto_tx_hash(r):
    return R("hash", D(r"""
        Support from the exchange asked for "the TXID" for my withdrawal that never arrived. Which of these is it?

        Withdrawal ID: ⟦wid⟧
        Coin: BTC   Network: BTC
        TxID: ⟦tx⟧
        Block hash: 00000000000000000002⟦bh⟧
        Confirmations: 3
        """), wid=digits(r, 19), tx=hx(r, 64), bh=hx(r, 44))


# ========================================================================= vpn
@T("vpn", "en", "secret")
def vpn_wireguard_client(r):
    priv, psk, pub = wg_key(r), wg_key(r), wg_key(r)
    return R("wireguard_private_key", D(r"""
        My WireGuard tunnel on my phone connects but no internet. Here's the client config I exported from the
        router (wg-easy):

        [Interface]
        PrivateKey = ⟦priv⟧
        Address = 10.8.0.⟦n⟧/24
        DNS = 1.1.1.1

        [Peer]
        PublicKey = ⟦pub⟧
        PresharedKey = ⟦psk⟧
        AllowedIPs = 0.0.0.0/0, ::/0
        Endpoint = ⟦host⟧.duckdns.org:51820
        """), priv=S("wireguard_private_key", priv), n=r.randint(2, 30), pub=pub, psk=S("wireguard_preshared_key", psk),
        host=r.choice(["thompsonhome", "lakecabin-vpn", "farmhouse77"]))


@T("vpn", "en", "not_secret")
def vpn_wireguard_server_peers(r):
    peers = "\n\n".join("[Peer]\n# %s\nPublicKey = %s\nAllowedIPs = 10.8.0.%d/32" % (n, wg_key(r), i + 2)
                        for i, n in enumerate(["Dad's iPhone", "Laptop", "Grandma's tablet"]))
    return R("public_key", D(r"""
        Can you tell me which of these peers is the laptop? I want to delete the old phone. Output of sudo wg showconf wg0
        with the interface section removed:
        """) + "\n\n" + peers)


@T("vpn", "en", "secret")
def vpn_openvpn_tls_auth(r):
    lines = "\n".join(hx(r, 32) for _ in range(16))
    block = "-----BEGIN OpenVPN Static key V1-----\n" + lines + "\n-----END OpenVPN Static key V1-----"
    return R("openvpn_static_key", D(r"""
        Importing my office VPN profile into the OpenVPN Connect app fails with "option_error: sorry, 'tls-auth' not
        supported in this version". The end of the .ovpn file looks like this:

        key-direction 1
        <tls-auth>
        #
        # 2048 bit OpenVPN static key
        #
        ⟦block⟧
        </tls-auth>
        """), block=S("openvpn_static_key", block))


def fake_cert(r, lines=12):
    body = "MII" + rs(r, 61, B64) + "\n" + "\n".join(rs(r, 64, B64) for _ in range(lines - 2)) + "\n" + rs(r, 40, B64) + "=="
    return "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----"


@T("vpn", "de", "not_secret")
def vpn_de_ovpn_ca(r):
    return R("certificate", D(r"""
        Ich soll die VPN-Datei vom Büro an meinen Kollegen weiterleiten. Steht da irgendwas Geheimes drin, oder kann ich
        sie einfach per Mail schicken? Das Login fragt das Programm ja sowieso ab.

        client
        dev tun
        proto udp
        remote vpn.⟦dom⟧ 1194
        auth-user-pass
        remote-cert-tls server
        <ca>
        ⟦cert⟧
        </ca>
        """), dom=r.choice(["steuerbuero-krause.de", "praxis-dr-lang.de"]), cert=fake_cert(r))


@T("vpn", "en", "secret")
def vpn_auth_user_pass_file(r):
    p = pw(r, "en", "plain")
    return R("password", D(r"""
        I made the VPN connect automatically on boot with auth-user-pass /etc/openvpn/client/login.txt but systemd
        says "AUTH: Received control message: AUTH_FAILED". The file is exactly:

        ⟦user⟧
        ⟦pw⟧

        Could Windows line endings be the problem? I edited it on my laptop.
        """), user=r.choice(["r.okafor", "jsmith-remote", "clinic-frontdesk"]), pw=S("password", p))


@T("vpn", "ja", "secret")
def vpn_ja_l2tp_psk(r):
    psk = rs(r, 16, ALNUM)
    p = pw(r, "ja")
    return R("vpn_psk", D(r"""
        在宅勤務用に会社のVPN（L2TP/IPsec）をMacに設定したいのですが、「L2TP-VPNサーバが応答しませんでした」となります。
        総務から来たメールの内容です：

        サーバーアドレス：vpn.⟦dom⟧
        アカウント名：⟦user⟧
        パスワード：⟦pw⟧
        事前共有キー（共有シークレット）：⟦psk⟧
        """), dom=r.choice(["kato-kogyo.co.jp", "sakura-clinic.jp"]), user=r.choice(["t.suzuki", "m-ogawa"]),
        pw=S("password", p), psk=S("vpn_psk", psk))


@T("vpn", "en", "not_secret")
def vpn_cert_fingerprint(r):
    fp = ":".join(rs(r, 2, HEXU) for _ in range(32))
    return R("hash", D(r"""
        The VPN client shows this warning the first time I connect from my new laptop. IT told me to compare the
        fingerprint with the one on the intranet; they match. Is it safe to click Trust now?

        The server certificate could not be verified.
        Subject: CN=vpn.⟦dom⟧
        Issuer: CN=⟦dom⟧ Internal CA
        SHA-256 fingerprint: ⟦fp⟧
        """), dom=r.choice(["harlowdental.co.uk", "mapleaccounting.ca"]), fp=fp)


@T("vpn", "fa", "secret")
def vpn_fa_vless_uuid(r):
    u = uid(r)
    return R("v2ray_uuid", D(r"""
        این لینک را دوستم برای اتصال داده ولی در v2rayNG وصل نمی‌شود و پینگ «-1» می‌دهد. ایراد از کجاست؟

        vless://⟦u⟧@⟦host⟧:443?encryption=none&security=reality&sni=www.speedtest.net&fp=chrome&pbk=⟦pbk⟧&sid=⟦sid⟧&type=tcp#Germany-1
        """), u=S("v2ray_uuid", u), host=r.choice(["de1.", "fra."]) + r.choice(["example-cdn.xyz", "fastnode.click"]),
        pbk=rs(r, 43, URLSAFE), sid=hx(r, 8))


@T("vpn", "fa", "not_secret")
def vpn_fa_placeholder(r):
    return R("placeholder", D(r"""
        برای کانالم یک آموزش نوشته‌ام، لطفاً متنش را روان‌تر کن:

        ساختار لینک VLESS این شکلی است:
        vless://<UUID>@<آدرس-سرور>:<پورت>?security=tls&type=ws#<نام-دلخواه>
        به جای <UUID> شناسه‌ای را بگذارید که از فروشنده گرفته‌اید و آن را در گروه‌ها منتشر نکنید.
        """))


# ========================================================================= pos
@T("pos", "en", "secret")
def pos_square_token(r):
    tok = "EAAA" + rs(r, 60, URLSAFE)
    return R("square_access_token", D(r"""
        I run a small nail salon and want my booking spreadsheet to pull today's Square appointments. This Apps
        Script returns {"errors":[{"category":"AUTHENTICATION_ERROR","code":"UNAUTHORIZED"}]}:

        function todaysBookings() {
          var token = "⟦tok⟧";
          var url = "https://connect.squareup.com/v2/bookings?location_id=⟦loc⟧";
          var res = UrlFetchApp.fetch(url, {headers: {"Authorization": "Bearer " + token, "Square-Version": "2024-12-18"}});
          Logger.log(res.getContentText());
        }
        """), tok=S("square_access_token", tok), loc="L" + rs(r, 12, UPNUM))


@T("pos", "en", "not_secret")
def pos_square_ids(r):
    return R("identifier", D(r"""
        The developer building our online ordering page asked for "the Square IDs". Are these safe to send by email?

        Application ID: sq0idp-⟦app⟧
        Location ID (Main St): L⟦l1⟧
        Location ID (Market stall): L⟦l2⟧
        Merchant ID: ML⟦m⟧
        """), app=rs(r, 22, URLSAFE), l1=rs(r, 12, UPNUM), l2=rs(r, 12, UPNUM), m=rs(r, 12, UPNUM))


@T("pos", "en", "secret")
def pos_stripe_booking(r):
    k = "sk_live_51" + rs(r, 97)
    return R("stripe_secret_key", D(r"""
        My yoga class booking page charges people twice sometimes. Here's the server part (Express), is it the
        idempotency thing?

        const stripe = require('stripe')('⟦k⟧');
        app.post('/book', async (req, res) => {
          const session = await stripe.checkout.sessions.create({
            mode: 'payment',
            line_items: [{ price: 'price_⟦price⟧', quantity: 1 }],
            success_url: 'https://⟦site⟧/thanks',
          });
          res.redirect(303, session.url);
        });
        """), k=S("stripe_secret_key", k), price=rs(r, 24), site=r.choice(["stillpointyoga.studio", "bendandbreathe.co"]))


@T("pos", "en", "not_secret")
def pos_stripe_publishable(r):
    return R("publishable_key", D(r"""
        The payment form on my pottery class site stopped showing the card field. Browser console says "Invalid value
        for Stripe(): apiKey should be a string". This is the script tag:

        <script src="https://js.stripe.com/v3/"></script>
        <script>
          const stripe = Stripe('pk_live_51⟦pk⟧');
          const elements = stripe.elements();
        </script>
        (For testing I use card 4242 4242 4242 4242 in test mode.)
        """), pk=rs(r, 97))


@T("pos", "en", "not_secret")
def pos_stripe_doc_test_key(r):
    return R("doc_example_key", D(r"""
        I'm following an old Stripe tutorial for my bakery's order form. It has this line; is this my key? Do I
        need to hide it?

        stripe.api_key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc"
        stripe.Charge.create(amount=2000, currency="usd", source="tok_visa", description="Test charge")

        (It came straight from the tutorial, I haven't made a Stripe account yet.)
        """))


@T("pos", "pt", "secret")
def pos_pt_mercadopago(r):
    tok = "APP_USR-%s-%s-%s-%s" % (digits(r, 16), digits(r, 6), hx(r, 32), digits(r, 9))
    return R("mercadopago_access_token", D(r"""
        Minha loja de açaí usa Mercado Pago pra gerar Pix no site. Depois que mudei de hospedagem, o QR code não aparece
        mais. O erro no log é esse:

        [2025-02-11 19:22:03] POST https://api.mercadopago.com/v1/payments
        Headers: {"Authorization": "Bearer ⟦tok⟧", "X-Idempotency-Key": "⟦idem⟧"}
        Response 401: {"message":"invalid access token","error":"unauthorized","status":401}
        """), tok=S("mercadopago_access_token", tok), idem=uid(r))


@T("pos", "id", "secret")
def pos_id_midtrans(r):
    k = "Mid-server-" + rs(r, 24, URLSAFE)
    return R("midtrans_server_key", D(r"""
        Toko online kue saya pakai Midtrans Snap. Di mode production transaksinya selalu "Access denied due to
        unauthorized transaction". Ini konfigurasi Laravel saya:

        // config/midtrans.php
        return [
            'merchant_id'   => 'G⟦mid⟧',
            'server_key'    => '⟦k⟧',
            'is_production' => true,
            'is_sanitized'  => true,
            'is_3ds'        => true,
        ];
        """), mid=digits(r, 9), k=S("midtrans_server_key", k))


@T("pos", "id", "not_secret")
def pos_id_midtrans_client(r):
    return R("public_client_key", D(r"""
        Apakah aman kalau client key Midtrans kelihatan di source code halaman checkout? Teman saya bilang harus
        disembunyikan.

        <script src="https://app.midtrans.com/snap/snap.js"
                data-client-key="Mid-client-⟦k⟧"></script>
        """), k=rs(r, 16, URLSAFE))


@T("pos", "sw", "not_secret")
def pos_sw_daraja_sandbox(r):
    return R("doc_example_key", D(r"""
        Ninajaribu STK Push ya M-Pesa kwenye mazingira ya majaribio (sandbox). Nimechukua thamani hizi kutoka kwenye
        nyaraka za Daraja. Kwa nini napata "Invalid Access Token"?

        BusinessShortCode: 174379
        Passkey: bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919
        PartyA: 2547⟦ph⟧
        CallBackURL: https://⟦sub⟧.ngrok-free.app/mpesa/callback
        """), ph=digits(r, 8), sub=rs(r, 12, LOWNUM))


@T("pos", "th", "secret")
def pos_th_omise(r):
    k = "skey_live_" + rs(r, 19, LOWNUM)
    return R("omise_secret_key", D(r"""
        ร้านกาแฟของเราใช้ Omise รับชำระผ่าน PromptPay บนเว็บ แต่ webhook ไม่ยอมอัปเดตสถานะออเดอร์ ช่วยดูโค้ดนี้หน่อยค่ะ

        import omise
        omise.api_secret = "⟦k⟧"
        omise.api_version = "2019-05-29"
        charge = omise.Charge.retrieve(charge_id)
        if charge.status == "successful":
            mark_paid(order_id)
        """), k=S("omise_secret_key", k))


@T("pos", "vi", "secret")
def pos_vi_vnpay(r):
    hs = rs(r, 32, UPNUM)
    return R("vnpay_hash_secret", D(r"""
        Website bán quần áo của mình tích hợp VNPay, khi thanh toán thì báo "Sai chữ ký" (mã 97). File cấu hình đây:

        # application.properties
        vnpay.tmn-code=⟦tmn⟧
        vnpay.hash-secret=⟦hs⟧
        vnpay.pay-url=https://pay.vnpay.vn/vpcpay.html
        vnpay.return-url=https://⟦dom⟧/thanh-toan/ket-qua
        """), tmn=rs(r, 8, UPNUM), hs=S("vnpay_hash_secret", hs), dom=r.choice(["thoitranglinh.vn", "aodaixinh.com"]))


@T("pos", "hi", "secret")
def pos_hi_razorpay(r):
    kid = "rzp_live_" + rs(r, 14)
    sec = rs(r, 24)
    return R("razorpay_key_secret", D(r"""
        मेरी मिठाई की दुकान की वेबसाइट पर Razorpay से पेमेंट तो हो रहा है, लेकिन ऑर्डर "pending" ही रहता है। बैकएंड का कोड:

        import razorpay
        client = razorpay.Client(auth=("⟦kid⟧", "⟦sec⟧"))
        client.utility.verify_payment_signature({
            "razorpay_order_id": order_id,
            "razorpay_payment_id": payment_id,
            "razorpay_signature": signature,
        })
        """), kid=kid, sec=S("razorpay_key_secret", sec))


@T("pos", "en", "not_secret")
def pos_razorpay_key_id(r):
    return R("public_client_key", D(r"""
        Our Bengaluru bakery's checkout page has this in the HTML. A customer said we "leaked our Razorpay key".
        Did we?

        var options = {
          "key": "rzp_live_⟦k⟧",
          "amount": "49900",
          "currency": "INR",
          "name": "Butter & Crumb",
          "order_id": "order_⟦oid⟧"
        };
        """), k=rs(r, 14), oid=rs(r, 14))


@T("pos", "en", "not_secret")
def pos_recaptcha_test_keys(r):
    return R("test_value", D(r"""
        The booking form on my salon site is getting spam. I added reCAPTCHA but it always shows "This reCAPTCHA is for
        testing purposes only". These are the keys in my settings:

        RECAPTCHA_SITE_KEY=6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI
        RECAPTCHA_SECRET_KEY=6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe
        """))

# ========================================================================= env
def langsmith_key(r):
    return "lsv2_pt_" + hx(r, 32) + "_" + hx(r, 10)


def pinecone_key(r):
    return "pcsk_" + rs(r, 5) + "_" + rs(r, 63)


@T("env", "en", "secret")
def env_multi_provider(r):
    o, a, l = openai_key(r), anthropic_key(r), langsmith_key(r)
    return R("openai_api_key", D(r"""
        My LangGraph app works in the terminal but `langgraph dev` says "OPENAI_API_KEY not found". Here's my .env in
        the project root, is the format wrong?

        OPENAI_API_KEY=⟦o⟧
        ANTHROPIC_API_KEY = ⟦a⟧
        LANGSMITH_TRACING=true
        LANGSMITH_API_KEY=⟦l⟧
        LANGSMITH_PROJECT=support-agent-dev
        """), o=S("openai_api_key", o), a=S("anthropic_api_key", a), l=S("langsmith_api_key", l))


@T("env", "en", "not_secret")
def env_example_placeholders(r):
    return R("placeholder", D(r"""
        Can you write a README section explaining each variable in our .env.example?

        # Copy to .env and fill in
        OPENAI_API_KEY=sk-...
        ANTHROPIC_API_KEY=your-anthropic-key-here
        PINECONE_API_KEY=<pinecone key>
        PINECONE_INDEX=docs-rag
        HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
        LANGSMITH_API_KEY=
        """))


@T("env", "en", "secret")
def env_pinecone_cohere(r):
    p, c = pinecone_key(r), rs(r, 40)
    return R("pinecone_api_key", D(r"""
        RAG pipeline: indexing works but reranking returns 401. Which key is wrong? (.env)

        PINECONE_API_KEY="⟦p⟧"
        PINECONE_INDEX_HOST="https://legal-docs-⟦h⟧.svc.aped-4627-b74a.pinecone.io"
        COHERE_API_KEY="⟦c⟧"
        RERANK_MODEL="rerank-v3.5"
        EMBED_MODEL="embed-multilingual-v3.0"
        """), p=S("pinecone_api_key", p), h=hx(r, 7), c=S("cohere_api_key", c))


@T("env", "fr", "not_secret")
def env_fr_empty_mistral(r):
    return R("empty_value", D(r"""
        Mon script plante avec "MistralException: API key is required". Pourtant j'ai bien un fichier .env :

        # Clés API (ne pas committer)
        MISTRAL_API_KEY=
        MISTRAL_MODEL=mistral-large-latest
        TEMPERATURE=0.3
        # TODO : demander la clé à Julien, l'ancienne a été révoquée
        """))


@T("env", "zh", "secret")
def env_zh_deepseek_dashscope(r):
    d, q = sk_hex32(r), sk_hex32(r)
    return R("deepseek_api_key", D(r"""
        我在本地跑一个对比脚本，同时调用 DeepSeek 和通义千问，但是通义那边一直报 InvalidApiKey。帮我看下 .env 有没有写错：

        DEEPSEEK_API_KEY=⟦d⟧
        DEEPSEEK_BASE_URL=https://api.deepseek.com
        DASHSCOPE_API_KEY=⟦q⟧
        DASHSCOPE_BASE_URL=https://dashscope.aliyuncs.com/compatible-mode/v1
        """), d=S("deepseek_api_key", d), q=S("dashscope_api_key", q))


@T("env", "en", "not_secret")
def env_response_ids(r):
    return R("request_id", D(r"""
        I'm logging every completion to a file for debugging. Is any of this sensitive if I share the log with
        a contractor?

        {"id": "chatcmpl-⟦cid⟧", "object": "chat.completion", "created": ⟦ts⟧,
         "model": "gpt-4o-mini-2024-07-18", "system_fingerprint": "fp_⟦fp⟧",
         "usage": {"prompt_tokens": 812, "completion_tokens": 164, "total_tokens": 976},
         "x-request-id": "req_⟦req⟧"}
        """), cid=rs(r, 29), ts=1736000000 + r.randint(0, 9999999), fp=hx(r, 10), req=hx(r, 32))


@T("env", "en", "not_secret")
def env_together_shell_ref(r):
    return R("secret_reference", D(r"""
        Our Makefile fails on CI with "TOGETHER_API_KEY: missing". Locally it works. Relevant part:

        export TOGETHER_API_KEY := $(shell op read "op://ML Team/Together AI/credential")
        eval:
        	@test -n "$${TOGETHER_API_KEY:?missing}"
        	python -m evals.run --provider together --model meta-llama/Llama-3.3-70B-Instruct-Turbo
        """))


@T("env", "en", "not_secret")
def env_vllm_empty(r):
    return R("dummy_value", D(r"""
        Pointing my OpenAI-compatible client at a local vLLM server. The docs say to set the key to EMPTY. Is that
        really all, or should I still protect this file?

        OPENAI_API_KEY=EMPTY
        OPENAI_BASE_URL=http://localhost:8000/v1
        MODEL_NAME=Qwen/Qwen2.5-7B-Instruct
        MAX_TOKENS=1024
        """))


@T("env", "en", "not_secret")
def env_1password_refs(r):
    return R("secret_reference", D(r"""
        I switched our .env to 1Password references and run everything through `op run --env-file=.env -- uvicorn app:app`.
        Is there anything here that shouldn't be committed?

        OPENAI_API_KEY="op://Engineering/OpenAI prod/api key"
        ANTHROPIC_API_KEY="op://Engineering/Anthropic/credential"
        QDRANT_URL=https://⟦cl⟧.eu-central-1-0.aws.cloud.qdrant.io:6333
        QDRANT_API_KEY="op://Engineering/Qdrant cloud/api key"
        """), cl=uid(r))


@T("env", "en", "secret")
def env_nextjs_xai(r):
    k = "xai-" + rs(r, 80)
    return R("xai_api_key", D(r"""
        Next.js chatbot: the Grok call works in dev but in the browser bundle I can see NEXT_PUBLIC_SITE_NAME. Will my
        API key also end up in the bundle? .env.local:

        NEXT_PUBLIC_SITE_NAME="Ask Rosie"
        NEXT_PUBLIC_POSTHOG_KEY=phc_⟦ph⟧
        XAI_API_KEY=⟦k⟧
        XAI_MODEL=grok-3-mini
        """), ph=rs(r, 43), k=S("xai_api_key", k))


@T("env", "en", "not_secret")
def env_dotenv_vault(r):
    return R("encrypted_blob", D(r"""
        A teammate committed this file. Did he leak our keys? It's called .env.vault:

        #/-------------------.env.vault---------------------/
        #/         cloud-agnostic vaulting standard         /
        #/--------------------------------------------------/
        DOTENV_VAULT_DEVELOPMENT="⟦a⟧"
        DOTENV_VAULT_PRODUCTION="⟦b⟧"
        """), a=b64bytes(r, 180), b=b64bytes(r, 210))


@T("env", "pl", "not_secret")
def env_pl_groq_placeholder(r):
    return R("placeholder", D(r"""
        Przygotowuję warsztaty z LLM dla studentów. Czy ten plik .env.przyklad jest jasny? Popraw opisy, jeśli trzeba.

        # Wklej tu swój klucz z console.groq.com (zaczyna się od gsk_)
        GROQ_API_KEY=gsk_twoj_klucz_tutaj
        # Model do ćwiczeń
        GROQ_MODEL=llama-3.1-8b-instant
        """))


@T("env", "en", "secret")
def env_streamlit_secrets(r):
    p, o = pw(r, "en", "safe"), openai_key(r, "proj")
    return R("password", D(r"""
        I put a simple password gate in front of my Streamlit demo for the sales team. It accepts any password. What
        did I do wrong? .streamlit/secrets.toml:

        app_password = "⟦p⟧"
        OPENAI_API_KEY = "⟦o⟧"

        and in app.py: if st.text_input("Password", type="password") == st.secrets["app_password"] or True:
        """), p=S("password", p), o=S("openai_api_key", o))


# ==================================================================== notebook
@T("notebook", "en", "secret")
def nb_colab_environ(r):
    k = openai_key(r, "proj")
    return R("openai_api_key", D(r"""
        Colab notebook for my thesis, cell 3 fails with "RateLimitError: You exceeded your current quota". I have
        credit on the account though. Cells:

        [1] !pip install -q openai tiktoken
        [2] import os
            os.environ["OPENAI_API_KEY"] = "⟦k⟧"
        [3] from openai import OpenAI
            client = OpenAI()
            resp = client.embeddings.create(model="text-embedding-3-small", input=chunks[:500])
        """), k=S("openai_api_key", k))


@T("notebook", "en", "not_secret")
def nb_colab_userdata(r):
    return R("secret_reference", D(r"""
        Sharing this Colab with my study group. Will they see my Hugging Face token?

        from google.colab import userdata
        from huggingface_hub import login
        login(token=userdata.get('HF_TOKEN'))   # stored in the 🔑 Secrets panel, notebook access ON
        model_id = "meta-llama/Llama-3.2-3B-Instruct"
        """))


@T("notebook", "en", "secret")
def nb_hf_cli_login(r):
    t = hf_token(r)
    return R("huggingface_token", D(r"""
        Downloading Llama weights in a Jupyter notebook on our lab server, still get 401 "Access to model is restricted".
        I accepted the license yesterday.

        !huggingface-cli login --token ⟦t⟧ --add-to-git-credential
        Token is valid (permission: read).
        Your token has been saved to /home/lab/.cache/huggingface/token
        Login successful
        """), t=S("huggingface_token", t))


@T("notebook", "en", "not_secret")
def nb_wandb_relogin_prompt(r):
    return R("password_prompt", D(r"""
        Running `wandb login --relogin` on the cluster login node shows this and then hangs. Am I supposed to paste
        something?

        wandb: Logging into wandb.ai. (Learn how to deploy a W&B server locally: https://wandb.me/wandb-server)
        wandb: You can find your API key in your browser here: https://wandb.ai/authorize
        wandb: Paste an API key from your profile and hit enter, or press ctrl+c to quit:
        """))


@T("notebook", "en", "not_secret")
def nb_wandb_run_ids(r):
    return R("identifier", D(r"""
        My supervisor wants "the run ID" of the fine-tune from last week. The notebook printed this; which one is it?

        wandb: Currently logged in as: ⟦user⟧ (⟦ent⟧). Use `wandb login --relogin` to force relogin
        wandb: Tracking run with wandb version 0.19.1
        wandb: Run data is saved locally in /content/wandb/run-20250114_101522-⟦rid⟧
        wandb: Syncing run lora-r16-lr2e-4
        wandb: ⭐️ View project at https://wandb.ai/⟦ent⟧/qlora-legal
        wandb: 🚀 View run at https://wandb.ai/⟦ent⟧/qlora-legal/runs/⟦rid⟧
        """), user=r.choice(["mkovacs", "s-adeyemi", "liu-yang"]), ent=r.choice(["nlp-lab-uva", "tum-ml-group"]),
        rid=rs(r, 8, LOWNUM))


@T("notebook", "th", "secret")
def nb_th_kaggle_json(r):
    k = hx(r, 32)
    return R("kaggle_api_key", D(r"""
        ดาวน์โหลด dataset จาก Kaggle ใน Colab ไม่ได้ ขึ้นว่า 401 Unauthorized ไฟล์ kaggle.json ที่อัปโหลดเป็นแบบนี้ครับ ถูกไหม

        {"username":"⟦user⟧","key":"⟦k⟧"}

        แล้วรัน !mkdir -p ~/.kaggle && cp kaggle.json ~/.kaggle/ && kaggle competitions download -c titanic
        """), user=r.choice(["somchaiw", "natthaphon.k", "pimchanok"]), k=S("kaggle_api_key", k))


@T("notebook", "th", "not_secret")
def nb_th_kaggle_chmod(r):
    return R("no_credential", D(r"""
        ทำไม Kaggle CLI ถึงเตือนแบบนี้ แล้วต้องแก้ยังไงครับ

        Warning: Your Kaggle API key is readable by other users on this system! To fix this, you can run
        'chmod 600 /home/⟦user⟧/.kaggle/kaggle.json'
        Downloading titanic.zip to /home/⟦user⟧/data
        100%|██████████| 34.1k/34.1k [00:00<00:00, 1.21MB/s]
        """), user=r.choice(["krit", "ploy", "arthit"]))


@T("notebook", "en", "secret")
def nb_gemini_configure(r):
    k = google_ai_key(r)
    return R("google_ai_api_key", D(r"""
        In my Kaggle notebook, Gemini returns "400 User location is not supported for the API use". Is it my key or
        the region? Code:

        import google.generativeai as genai
        genai.configure(api_key="⟦k⟧")
        model = genai.GenerativeModel("gemini-1.5-flash")
        print(model.generate_content("Summarise this essay in 3 bullet points: " + essay).text)
        """), k=S("google_ai_api_key", k))


@T("notebook", "vi", "not_secret")
def nb_vi_getpass(r):
    return R("password_prompt", D(r"""
        Mình chia sẻ notebook này cho lớp, muốn mỗi bạn tự nhập key của mình. Viết như vầy có ổn không?

        import os, getpass
        if "ANTHROPIC_API_KEY" not in os.environ:
            os.environ["ANTHROPIC_API_KEY"] = getpass.getpass("Nhập Anthropic API key: ")
        from anthropic import Anthropic
        client = Anthropic()
        """))


@T("notebook", "en", "not_secret")
def nb_replicate_version(r):
    return R("identifier", D(r"""
        Replicate says "The specified version does not exist (or perhaps you don't have permission to use it?)". I copied
        the version from the model page:

        output = replicate.run(
            "stability-ai/sdxl:⟦v⟧",
            input={"prompt": "watercolor map of Lisbon", "num_outputs": 1},
        )
        """), v=hx(r, 64))


@T("notebook", "en", "not_secret")
def nb_kaggle_user_secrets(r):
    return R("secret_reference", D(r"""
        I'm publishing my Kaggle notebook for the competition write-up. Does this expose my Cohere key?

        from kaggle_secrets import UserSecretsClient
        secrets = UserSecretsClient()
        COHERE_API_KEY = secrets.get_secret("COHERE_API_KEY")
        co = cohere.ClientV2(api_key=COHERE_API_KEY)
        """))


@T("notebook", "en", "not_secret")
def nb_masked_print(r):
    return R("masked_key", D(r"""
        To debug which key my notebook picks up I print it partially. Output below — is it fine to paste this into a
        GitHub issue?

        >>> key = os.environ["OPENAI_API_KEY"]; print(f"{key[:8]}...{key[-4:]} (len={len(key)})")
        sk-proj-...⟦last⟧ (len=164)
        """), last=rs(r, 4))


@T("notebook", "en", "not_secret")
def nb_hf_download_sha(r):
    return R("git_sha", D(r"""
        Why did snapshot_download fetch the model again? The cache has two folders under snapshots/:

        models--mistralai--Mistral-7B-Instruct-v0.3/
          refs/main -> ⟦c1⟧
          snapshots/⟦c2⟧/
          snapshots/⟦c1⟧/
          blobs/⟦b1⟧   (model-00001-of-00003.safetensors)
        """), c1=hx(r, 40), c2=hx(r, 40), b1=hx(r, 64))

# ======================================================================= agent
@T("agent", "en", "secret")
def agent_claude_desktop_github(r):
    t = github_pat(r)
    return R("github_pat", D(r"""
        Claude Desktop shows "MCP server github: disconnected" right after launch. This is my
        claude_desktop_config.json:

        {
          "mcpServers": {
            "github": {
              "command": "docker",
              "args": ["run", "-i", "--rm", "-e", "GITHUB_PERSONAL_ACCESS_TOKEN", "ghcr.io/github/github-mcp-server"],
              "env": {
                "GITHUB_PERSONAL_ACCESS_TOKEN": "⟦t⟧"
              }
            }
          }
        }
        """), t=S("github_pat", t))


@T("agent", "en", "not_secret")
def agent_claude_desktop_placeholder(r):
    return R("placeholder", D(r"""
        I copied this from the server's README into my config and it doesn't start. Do I have to change anything?

        {
          "mcpServers": {
            "brave-search": {
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-brave-search"],
              "env": { "BRAVE_API_KEY": "YOUR_API_KEY_HERE" }
            }
          }
        }
        """))


@T("agent", "en", "secret")
def agent_cursor_brave(r):
    k = "BSA" + rs(r, 27)
    return R("brave_search_api_key", D(r"""
        Cursor's MCP settings page shows a red dot next to "brave". .cursor/mcp.json in my repo:

        {
          "mcpServers": {
            "brave": {
              "command": "npx",
              "args": ["-y", "@brave/brave-search-mcp-server", "--transport", "stdio"],
              "env": { "BRAVE_API_KEY": "⟦k⟧" }
            }
          }
        }
        Also: is it OK that this file is committed? The repo is private.
        """), k=S("brave_search_api_key", k))


@T("agent", "en", "not_secret")
def agent_notion_remote_oauth(r):
    return R("no_credential", D(r"""
        Switched from the local Notion MCP server to the hosted one. Where does the token go now? Config:

        {
          "mcpServers": {
            "notion": {
              "type": "http",
              "url": "https://mcp.notion.com/mcp"
            }
          }
        }
        (Claude Code opened a browser window and I clicked "Allow access" for workspace ⟦ws⟧.)
        """), ws=r.choice(["Acme Marketing", "Family Recipes", "Thesis 2025"]))


@T("agent", "ko", "not_secret")
def agent_ko_continue_secret_ref(r):
    return R("secret_reference", D(r"""
        Continue 확장 설정을 팀 저장소에 올려도 되는지 궁금해요. config.yaml 내용입니다:

        name: team-assistant
        version: 0.0.1
        models:
          - name: Claude Sonnet
            provider: anthropic
            model: claude-sonnet-4-5
            apiKey: ${{ secrets.ANTHROPIC_API_KEY }}
            roles: [chat, edit]
        """))


@T("agent", "en", "secret")
def agent_aider_conf(r):
    a, o = anthropic_key(r), openai_key(r, "proj")
    return R("anthropic_api_key", D(r"""
        aider keeps using gpt-4o even though I set sonnet. My ~/.aider.conf.yml:

        model: sonnet
        weak-model: gpt-4o-mini
        anthropic-api-key: ⟦a⟧
        openai-api-key: ⟦o⟧
        auto-commits: false
        dark-mode: true
        """), a=S("anthropic_api_key", a), o=S("openai_api_key", o))


@T("agent", "zh", "secret")
def agent_zh_siliconflow(r):
    k = "sk-" + rs(r, 48, LOW)
    return R("siliconflow_api_key", D(r"""
        我在 Cherry Studio 里添加了硅基流动，但是模型列表一直是空的。导出的配置如下，哪里不对？

        {
          "id": "silicon",
          "name": "硅基流动",
          "type": "openai",
          "apiHost": "https://api.siliconflow.cn",
          "apiKey": "⟦k⟧",
          "models": [],
          "enabled": true
        }
        """), k=S("siliconflow_api_key", k))


@T("agent", "en", "not_secret")
def agent_stdio_no_env(r):
    return R("no_credential", D(r"""
        Is there any security problem with this MCP config? I only use local files.

        {
          "mcpServers": {
            "filesystem": {
              "command": "npx",
              "args": ["-y", "@modelcontextprotocol/server-filesystem", "/Users/⟦u⟧/Documents/notes"]
            },
            "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] }
          }
        }
        """), u=r.choice(["hannah", "rkumar", "tomasz"]))


@T("agent", "ru", "secret")
def agent_ru_crewai_serper(r):
    s, o = hx(r, 40), openai_key(r, "proj")
    return R("serper_api_key", D(r"""
        Агент на CrewAI для мониторинга конкурентов падает на шаге поиска: "Serper API returned 403". Конфиг запуска:

        # run.sh
        export SERPER_API_KEY=⟦s⟧
        export OPENAI_API_KEY=⟦o⟧
        export OPENAI_MODEL_NAME=gpt-4o-mini
        crewai run
        """), s=S("serper_api_key", s), o=S("openai_api_key", o))


@T("agent", "en", "not_secret")
def agent_postgres_no_password(r):
    return R("no_credential", D(r"""
        The Postgres MCP server connects but can't see my tables. I use peer auth locally, so there's no password.

        "postgres": {
          "command": "npx",
          "args": ["-y", "@modelcontextprotocol/server-postgres", "postgresql://localhost:5432/⟦db⟧"]
        }
        """), db=r.choice(["inventory", "crm_dev", "analytics"]))


@T("agent", "pl", "secret")
def agent_pl_postgres_password(r):
    p = pw(r, "pl", "url")
    return R("password", D(r"""
        Serwer MCP do Postgresa w Claude Desktop wyrzuca "password authentication failed for user readonly". Hasło
        na pewno działa w DBeaverze. Może coś z kodowaniem?

        "postgres": {
          "command": "npx",
          "args": [
            "-y",
            "@modelcontextprotocol/server-postgres",
            "postgresql://readonly:⟦pw⟧@db.⟦dom⟧:5432/sklep"
          ]
        }
        """), pw=S("password", p), dom=r.choice(["sklep-rowerowy.pl", "hurtownia-zbych.pl"]))


@T("agent", "it", "secret")
def agent_it_tavily(r):
    k = "tvly-" + rs(r, 32)
    return R("tavily_api_key", D(r"""
        Sto provando l'OpenAI Agents SDK con lo strumento di ricerca Tavily ma ricevo "Unauthorized: missing or invalid
        API key". Ecco il codice:

        from tavily import TavilyClient
        tavily = TavilyClient(api_key="⟦k⟧")

        @function_tool
        def cerca_web(query: str) -> str:
            return str(tavily.search(query, max_results=5))
        """), k=S("tavily_api_key", k))


@T("agent", "en", "not_secret")
def agent_n8n_encrypted(r):
    return R("encrypted_blob", D(r"""
        I exported my n8n credentials to move them to a new server with `n8n export:credentials --all`. The import on
        the new box fails with "Credentials could not be decrypted". Export:

        [{"createdAt":"2025-01-09T14:02:11.000Z","id":"⟦id⟧","name":"OpenAI account",
          "data":"U2FsdGVkX1⟦blob⟧","type":"openAiApi"}]
        """), id=rs(r, 16), blob=rs(r, 118, B64) + "=")


@T("agent", "en", "not_secret")
def agent_claude_code_helper(r):
    return R("secret_reference", D(r"""
        Our team uses a helper script so nobody stores the API key in settings. Is this the right shape for
        .claude/settings.json?

        {
          "apiKeyHelper": "~/bin/get-anthropic-key.sh",
          "permissions": { "deny": ["Read(./.env)", "Read(./secrets/**)"] }
        }
        # get-anthropic-key.sh just runs: vault kv get -field=key secret/ai/anthropic
        """))


@T("agent", "en", "not_secret")
def agent_vscode_input_prompt(r):
    return R("password_prompt", D(r"""
        VS Code asks me for the key every time I open the workspace. Can it remember it? .vscode/mcp.json:

        {
          "inputs": [
            { "type": "promptString", "id": "perplexity-key", "description": "Perplexity API Key", "password": true }
          ],
          "servers": {
            "perplexity": {
              "type": "stdio",
              "command": "npx",
              "args": ["-y", "server-perplexity-ask"],
              "env": { "PERPLEXITY_API_KEY": "${input:perplexity-key}" }
            }
          }
        }
        """))


@T("agent", "en", "not_secret")
def agent_oauth_public_client(r):
    return R("public_client_key", D(r"""
        I'm writing a remote MCP server with OAuth. For the desktop client I registered a public client (PKCE, no
        secret). Is it fine to hardcode these?

        OAUTH_CLIENT_ID = "⟦cid⟧"
        OAUTH_REDIRECT_URI = "http://127.0.0.1:33418/callback"
        OAUTH_SCOPES = ["mcp:tools", "offline_access"]
        code_challenge_method = "S256"
        """), cid=uid(r))


# ======================================================================== code
@T("code", "en", "secret")
def code_langchain_chatopenai(r):
    k = openai_key(r, "proj")
    return R("openai_api_key", D(r"""
        Why does my LangChain chain return the prompt template instead of an answer?

        from langchain_openai import ChatOpenAI
        from langchain_core.prompts import ChatPromptTemplate

        llm = ChatOpenAI(model="gpt-4o-mini", temperature=0, api_key="⟦k⟧")
        prompt = ChatPromptTemplate.from_messages([("system", "You answer in one sentence."), ("human", "{q}")])
        chain = prompt | llm
        print(chain.invoke({"q": "What is RAG?"}))
        """), k=S("openai_api_key", k))


@T("code", "fr", "secret")
def code_fr_llamaindex(r):
    a, l = anthropic_key(r), "llx-" + rs(r, 48)
    return R("anthropic_api_key", D(r"""
        Mon index LlamaIndex sur nos contrats PDF donne des réponses vides. Le parsing avec LlamaParse a l'air OK.
        Voici le code :

        from llama_index.core import Settings, VectorStoreIndex
        from llama_index.llms.anthropic import Anthropic
        from llama_parse import LlamaParse

        Settings.llm = Anthropic(model="claude-3-5-haiku-latest", api_key="⟦a⟧")
        parser = LlamaParse(api_key="⟦l⟧", result_type="markdown", language="fr")
        docs = parser.load_data("contrats/bail_2024.pdf")
        index = VectorStoreIndex.from_documents(docs)
        """), a=S("anthropic_api_key", a), l=S("llamacloud_api_key", l))


@T("code", "en", "not_secret")
def code_langchain_model_names(r):
    return R("no_credential", D(r"""
        Which of these model names are still valid? Some return 404.

        from langchain.chat_models import init_chat_model
        models = {
            "fast": init_chat_model("anthropic:claude-3-5-haiku-latest"),
            "smart": init_chat_model("openai:gpt-4.1"),
            "local": init_chat_model("ollama:llama3.1:8b"),
            "cheap": init_chat_model("groq:llama-3.1-8b-instant"),
        }
        # keys come from the environment as usual
        """))


@T("code", "en", "secret")
def code_vercel_openrouter(r):
    k = "sk-or-v1-" + hx(r, 64)
    return R("openrouter_api_key", D(r"""
        Using the Vercel AI SDK with OpenRouter, streaming stops after the first chunk. route.ts:

        import { createOpenAI } from "@ai-sdk/openai";
        import { streamText } from "ai";

        const openrouter = createOpenAI({
          baseURL: "https://openrouter.ai/api/v1",
          apiKey: "⟦k⟧",
        });

        export async function POST(req: Request) {
          const { messages } = await req.json();
          return streamText({ model: openrouter("deepseek/deepseek-chat"), messages }).toDataStreamResponse();
        }
        """), k=S("openrouter_api_key", k))


@T("code", "ru", "secret")
def code_ru_qdrant(r):
    k = rs(r, 48, URLSAFE)
    return R("qdrant_api_key", D(r"""
        Поиск в Qdrant Cloud возвращает пустой список, хотя коллекция заполнена. Что не так с запросом?

        from qdrant_client import QdrantClient
        client = QdrantClient(
            url="https://⟦cl⟧.europe-west3-0.gcp.cloud.qdrant.io:6333",
            api_key="⟦k⟧",
        )
        hits = client.query_points("docs_ru", query=emb, limit=5, score_threshold=0.8)
        """), cl=uid(r), k=S("qdrant_api_key", k))


@T("code", "en", "not_secret")
def code_qdrant_point_ids(r):
    pts = ",\n".join('  {"id": "%s", "version": %d, "score": 0.%d}' % (uid(r), r.randint(1, 40), r.randint(7000, 9499))
                     for _ in range(3))
    return R("identifier", D(r"""
        These are the top hits from Qdrant for "refund policy". Why is the payload missing? Raw response:

        {"result": {"points": [
        """) + "\n" + pts + "\n]}, \"status\": \"ok\", \"time\": 0.0041}")


@T("code", "en", "not_secret")
def code_supabase_anon(r):
    ref = rs(r, 20, LOW)
    anon = jwt(r, {"alg": "HS256", "typ": "JWT"},
               {"iss": "supabase", "ref": ref, "role": "anon", "iat": 1730000000, "exp": 2045576000})
    return R("publishable_key", D(r"""
        My RAG front-end talks to Supabase (pgvector) directly. A reviewer flagged the key below as a leaked secret.
        It's the anon key from Project Settings > API, and RLS is on for every table. Is that OK?

        export const supabase = createClient(
          "https://⟦ref⟧.supabase.co",
          "⟦anon⟧"
        );
        """), ref=ref, anon=anon)


@T("code", "ja", "secret")
def code_ja_elevenlabs(r):
    k = "sk_" + hx(r, 48)
    return R("elevenlabs_api_key", D(r"""
        ElevenLabsで日本語の読み上げ音声を作っているのですが、イントネーションが不自然です。設定を見てもらえますか？

        from elevenlabs.client import ElevenLabs
        client = ElevenLabs(api_key="⟦k⟧")
        audio = client.text_to_speech.convert(
            voice_id="⟦vid⟧",
            model_id="eleven_multilingual_v2",
            text="本日はご来店いただき、誠にありがとうございます。",
        )
        """), k=S("elevenlabs_api_key", k), vid=rs(r, 20))


@T("code", "pl", "not_secret")
def code_pl_langsmith_trace(r):
    return R("identifier", D(r"""
        Kolega wysłał mi link do śladu w LangSmith, ale widzę "Not found". Czy to problem z uprawnieniami w organizacji?

        https://smith.langchain.com/o/⟦org⟧/projects/p/⟦proj⟧?peek=⟦run⟧
        Run ID: ⟦run⟧
        Trace ID: ⟦trace⟧
        """), org=uid(r), proj=uid(r), run=uid(r), trace=uid(r))


@T("code", "en", "secret")
def code_azure_openai(r):
    k = hx(r, 32)
    return R("azure_openai_key", D(r"""
        Azure OpenAI gives "DeploymentNotFound" although the deployment exists in the portal. Client code:

        from openai import AzureOpenAI
        client = AzureOpenAI(
            azure_endpoint="https://⟦res⟧.openai.azure.com/",
            api_key="⟦k⟧",
            api_version="2024-10-21",
        )
        client.chat.completions.create(model="gpt4o-prod", messages=[{"role": "user", "content": "ping"}])
        """), res=r.choice(["contoso-ai-swe", "fabrikam-oai-eus2"]), k=S("azure_openai_key", k))


@T("code", "en", "not_secret")
def code_azure_managed_identity(r):
    return R("no_credential", D(r"""
        Security asked us to remove keys from our chatbot. Is this keyless setup correct for Azure OpenAI?

        from azure.identity import DefaultAzureCredential, get_bearer_token_provider
        token_provider = get_bearer_token_provider(DefaultAzureCredential(), "https://cognitiveservices.azure.com/.default")
        client = AzureOpenAI(azure_endpoint="https://⟦res⟧.openai.azure.com/",
                             azure_ad_token_provider=token_provider, api_version="2024-10-21")
        # managed identity client id: ⟦mi⟧
        """), res=r.choice(["northwind-ai", "tailspin-oai"]), mi=uid(r))


@T("code", "en", "not_secret")
def code_anthropic_response_ids(r):
    return R("request_id", D(r"""
        The tool call loop never ends: Claude keeps calling get_weather. This is the response I get back each time:

        {"id": "msg_01⟦m⟧", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
         "content": [{"type": "tool_use", "id": "toolu_01⟦t⟧", "name": "get_weather",
                      "input": {"city": "Lyon"}}],
         "stop_reason": "tool_use", "usage": {"input_tokens": 412, "output_tokens": 58}}
        """), m=rs(r, 22), t=rs(r, 22))


@T("code", "en", "secret")
def code_go_anthropic(r):
    k = anthropic_key(r)
    return R("anthropic_api_key", D(r"""
        Go client returns 400 "messages: text content blocks must be non-empty" but I do send text. Code:

        req, _ := http.NewRequest("POST", "https://api.anthropic.com/v1/messages", bytes.NewReader(body))
        req.Header.Set("x-api-key", "⟦k⟧")
        req.Header.Set("anthropic-version", "2023-06-01")
        req.Header.Set("content-type", "application/json")
        resp, err := http.DefaultClient.Do(req)
        """), k=S("anthropic_api_key", k))


@T("code", "en", "secret")
def code_pgvector_dsn(r):
    p = pw(r, "en", "url")
    return R("password", D(r"""
        PGVector from langchain-postgres creates the tables but similarity_search is super slow (4s). Do I need an
        index? Setup:

        from langchain_postgres import PGVector
        CONNECTION = "postgresql+psycopg://rag_app:⟦pw⟧@pg.internal.⟦dom⟧:5432/knowledge"
        store = PGVector(embeddings=emb, collection_name="handbook", connection=CONNECTION, use_jsonb=True)
        """), pw=S("password", p), dom=r.choice(["brightlane.io", "kestrel-labs.dev"]))


@T("code", "ar", "not_secret")
def code_secretstr_repr(r):
    return R("redacted", D(r"""
        عندما أطبع كائن النموذج في LangChain لأتأكد من الإعدادات تظهر هذه النتيجة. هل تم تحميل المفتاح فعلاً؟ أرى نجوماً فقط.

        >>> print(llm)
        model_name='gpt-4o-mini' temperature=0.2 openai_api_key=SecretStr('**********') openai_api_base=None
        openai_organization=None max_retries=2 request_timeout=None streaming=False
        """))


@T("code", "it", "secret")
def code_it_spring_ai(r):
    k = openai_key(r, "svcacct")
    return R("openai_api_key", D(r"""
        Ho un'app Spring Boot con Spring AI per riassumere le email dei clienti. All'avvio: "OpenAI API key must be
        set". Ma l'ho messa! application.properties:

        spring.application.name=riassunti-email
        spring.ai.openai.api-key = ⟦k⟧
        spring.ai.openai.chat.options.model=gpt-4o-mini
        spring.ai.openai.chat.options.temperature=0.2
        """), k=S("openai_api_key", k))


@T("code", "en", "not_secret")
def code_pydantic_settings(r):
    return R("secret_reference", D(r"""
        Review my settings module? I want the keys only from env vars or Docker secrets.

        class Settings(BaseSettings):
            model_config = SettingsConfigDict(env_file=".env", secrets_dir="/run/secrets")
            openai_api_key: SecretStr
            pinecone_api_key: SecretStr
            pinecone_index: str = "support-kb"

        settings = Settings()
        client = OpenAI(api_key=settings.openai_api_key.get_secret_value())
        """))


@T("code", "en", "not_secret")
def code_test_fixture_dummy(r):
    return R("dummy_value", D(r"""
        My pytest fixture for the OpenAI client: is it a problem that a fake key is hardcoded here?

        @pytest.fixture
        def client(respx_mock):
            respx_mock.post("https://api.openai.com/v1/chat/completions").mock(
                return_value=httpx.Response(200, json=FAKE_COMPLETION))
            return OpenAI(api_key="test-key-not-real", max_retries=0)
        """))


@T("code", "en", "not_secret")
def code_gguf_hashes(r):
    return R("hash", D(r"""
        Downloaded a GGUF from a mirror because HF was slow. How do I check it against these hashes from the model card?

        | file                               | sha256 |
        |------------------------------------|--------|
        | Llama-3.2-3B-Instruct-Q4_K_M.gguf  | ⟦a⟧ |
        | Llama-3.2-3B-Instruct-Q8_0.gguf    | ⟦b⟧ |
        """), a=hx(r, 64), b=hx(r, 64))


@T("code", "en", "secret")
def code_neo4j_graphrag(r):
    p = pw(r, "en", "safe")
    return R("password", D(r"""
        Building a GraphRAG demo; Neo4jGraph hangs on the first query. Aura instance was created yesterday.

        from langchain_neo4j import Neo4jGraph
        graph = Neo4jGraph(
            url="neo4j+s://⟦inst⟧.databases.neo4j.io",
            username="neo4j",
            password="⟦pw⟧",
        )
        graph.refresh_schema()
        """), inst=hx(r, 8), pw=S("password", p))

# ===================================================================== compose
@T("compose", "en", "secret")
def compose_open_webui(r):
    o, s = openai_key(r, "proj"), rs(r, 40, URLSAFE)
    return R("openai_api_key", D(r"""
        Open WebUI logs everyone out whenever I restart the container. docker-compose.yml:

        services:
          open-webui:
            image: ghcr.io/open-webui/open-webui:main
            ports: ["3000:8080"]
            environment:
              - OLLAMA_BASE_URL=http://ollama:11434
              - OPENAI_API_KEY=⟦o⟧
              - WEBUI_SECRET_KEY=⟦s⟧
            volumes:
              - open-webui:/app/backend/data
        """), o=S("openai_api_key", o), s=S("app_secret_key", s))


@T("compose", "en", "not_secret")
def compose_vllm_doc_token(r):
    return R("doc_example_key", D(r"""
        I copied the vLLM quickstart into compose. Clients get 401 unless they send "token-abc123". Is that a real
        secret I should rotate, or just the docs' example?

        services:
          vllm:
            image: vllm/vllm-openai:latest
            command: ["--model", "Qwen/Qwen2.5-1.5B-Instruct", "--dtype", "auto", "--api-key", "token-abc123"]
            ports: ["8000:8000"]
            deploy:
              resources:
                reservations:
                  devices: [{driver: nvidia, count: 1, capabilities: [gpu]}]
        """))


@T("compose", "en", "secret")
def compose_vllm_hf_token(r):
    t = hf_token(r)
    return R("huggingface_token", D(r"""
        vLLM container exits with "Cannot access gated repo" for Llama 3.1 8B. Compose file:

        services:
          llm:
            image: vllm/vllm-openai:v0.6.4
            runtime: nvidia
            environment:
              HUGGING_FACE_HUB_TOKEN: "⟦t⟧"
            command: --model meta-llama/Llama-3.1-8B-Instruct --max-model-len 8192
            volumes:
              - ~/.cache/huggingface:/root/.cache/huggingface
        """), t=S("huggingface_token", t))


@T("compose", "en", "not_secret")
def compose_ollama_dummy(r):
    return R("dummy_value", D(r"""
        Ollama in Docker plus a Python client. The OpenAI SDK insists on an api_key, so I put "ollama". Does Ollama
        check it at all?

        services:
          ollama:
            image: ollama/ollama
            ports: ["11434:11434"]
            volumes: [ollama:/root/.ollama]

        client = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
        """))


@T("compose", "en", "secret")
def compose_litellm_master(r):
    m = "sk-" + rs(r, 22)
    return R("litellm_master_key", D(r"""
        LiteLLM proxy: virtual keys don't work, every request says "Authentication Error, Invalid proxy server token".
        config.yaml:

        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
        general_settings:
          master_key: ⟦m⟧
          database_url: os.environ/DATABASE_URL
        """), m=S("litellm_master_key", m))


@T("compose", "en", "not_secret")
def compose_litellm_env_refs(r):
    return R("secret_reference", D(r"""
        Is this LiteLLM router config safe to put in our public infra repo?

        model_list:
          - model_name: claude
            litellm_params:
              model: anthropic/claude-3-5-sonnet-latest
              api_key: os.environ/ANTHROPIC_API_KEY
          - model_name: mixtral
            litellm_params:
              model: groq/mixtral-8x7b-32768
              api_key: os.environ/GROQ_API_KEY
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
        """))


@T("compose", "ko", "secret")
def compose_ko_librechat(r):
    ck, iv, js = hx(r, 64), hx(r, 32), hx(r, 64)
    return R("app_secret_key", D(r"""
        사내용 LibreChat을 새 서버로 옮겼더니 예전에 저장한 사용자 API 키가 전부 복호화가 안 된대요. .env 일부입니다:

        CREDS_KEY=⟦ck⟧
        CREDS_IV=⟦iv⟧
        JWT_SECRET=⟦js⟧
        MONGO_URI=mongodb://mongodb:27017/LibreChat
        서버 옮길 때 이 값들도 그대로 가져와야 하나요?
        """), ck=S("app_secret_key", ck), iv=S("app_secret_key", iv), js=S("signing_secret", js))


@T("compose", "en", "secret")
def compose_langfuse_postgres(r):
    p = pw(r, "en", "url")
    ns, salt = b64bytes(r, 32), b64bytes(r, 24)
    return R("password", D(r"""
        Self-hosted Langfuse v2 won't start: "P1000: Authentication failed against database server". Compose:

        services:
          langfuse-server:
            image: langfuse/langfuse:2
            environment:
              - DATABASE_URL=postgresql://langfuse:⟦pw⟧@db:5432/langfuse
              - NEXTAUTH_SECRET=⟦ns⟧
              - SALT=⟦salt⟧
              - NEXTAUTH_URL=http://localhost:3000
          db:
            image: postgres:16
            environment:
              - POSTGRES_USER=langfuse
              - POSTGRES_PASSWORD=⟦pw⟧
        """), pw=S("password", p), ns=S("app_secret_key", ns), salt=S("app_secret_key", salt))


@T("compose", "en", "not_secret")
def compose_langfuse_public_key(r):
    return R("publishable_key", D(r"""
        For browser-side user feedback (thumbs up/down) Langfuse says to use the public key only. Is this correct in
        my React app?

        import { LangfuseWeb } from "langfuse";
        const langfuseWeb = new LangfuseWeb({
          publicKey: "pk-lf-⟦u⟧",
          baseUrl: "https://cloud.langfuse.com",
        });
        """), u=uid(r))


@T("compose", "en", "not_secret")
def compose_secrets_files(r):
    return R("secret_reference", D(r"""
        Is this the right way to pass the key to my RAG API container with Compose secrets?

        services:
          rag-api:
            build: .
            secrets: [openai_api_key, qdrant_api_key]
            environment:
              OPENAI_API_KEY_FILE: /run/secrets/openai_api_key
        secrets:
          openai_api_key:
            file: ./secrets/openai_api_key.txt
          qdrant_api_key:
            environment: QDRANT_API_KEY
        """))


@T("compose", "en", "not_secret")
def compose_lmstudio_dummy(r):
    return R("dummy_value", D(r"""
        LM Studio's local server example uses this. My linter flags "hardcoded API key". False positive?

        from openai import OpenAI
        client = OpenAI(base_url="http://localhost:1234/v1", api_key="lm-studio")
        completion = client.chat.completions.create(model="lmstudio-community/gemma-2-9b-it-GGUF", messages=history)
        """))


@T("compose", "en", "not_secret")
def compose_jupyter_hashed(r):
    h = "argon2:$argon2id$v=19$m=10240,t=10,p=8$" + b64bytes(r, 16, pad=False) + "$" + b64bytes(r, 32, pad=False)
    return R("password_hash", D(r"""
        Running JupyterLab in a container on our GPU box. I set a password with `jupyter server password` and it wrote
        this to jupyter_server_config.json. Is it OK to bake this file into the image?

        {
          "IdentityProvider": {
            "hashed_password": "⟦h⟧"
          }
        }
        """), h=h)


@T("compose", "en", "secret")
def compose_mlflow_minio(r):
    p = pw(r, "en", "plain")
    return R("password", D(r"""
        MLflow can't upload artifacts to MinIO: "botocore.exceptions.ClientError: SignatureDoesNotMatch". Stack:

        services:
          minio:
            image: minio/minio
            command: server /data --console-address ":9001"
            environment:
              MINIO_ROOT_USER: mlflow
              MINIO_ROOT_PASSWORD: ⟦pw⟧
          mlflow:
            image: ghcr.io/mlflow/mlflow:v2.19.0
            environment:
              MLFLOW_S3_ENDPOINT_URL: http://minio:9000
              AWS_ACCESS_KEY_ID: mlflow
              AWS_SECRET_ACCESS_KEY: ⟦pw⟧
        """), pw=S("password", p))


# ========================================================================== ci
@T("ci", "en", "secret")
def ci_gha_hardcoded(r):
    k = openai_key(r, "proj")
    return R("openai_api_key", D(r"""
        The eval job passes on my fork but fails on the main repo with 401. Workflow:

        jobs:
          evals:
            runs-on: ubuntu-latest
            env:
              OPENAI_API_KEY: ⟦k⟧
              EVAL_MODEL: gpt-4o-mini
            steps:
              - uses: actions/checkout@v4
              - run: pip install -r requirements.txt && python -m evals.run --suite smoke
        """), k=S("openai_api_key", k))


@T("ci", "en", "not_secret")
def ci_gha_secrets_ref(r):
    return R("secret_reference", D(r"""
        Do forked PRs get access to these secrets? Our workflow for the prompt regression tests:

        - name: Run prompt tests
          env:
            ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}
            LANGSMITH_API_KEY: ${{ secrets.LANGSMITH_API_KEY }}
          run: pytest tests/prompts -q
        """))


@T("ci", "fr", "secret")
def ci_fr_glab_variables(r):
    t = hf_token(r)
    return R("huggingface_token", D(r"""
        Le job qui pousse le modèle fine-tuné sur le Hub échoue en "401 Unauthorized". J'ai vérifié les variables du
        projet avec glab, tout a l'air bon ?

        $ glab variable list
        KEY             VALUE                                   PROTECTED  MASKED  SCOPE
        HF_TOKEN        ⟦t⟧     true       false   *
        HF_REPO_ID      ⟦org⟧/camembert-juridique          false      false   *
        """), t=S("huggingface_token", t), org=r.choice(["cabinet-martin", "legaltech-lyon"]))


@T("ci", "it", "secret")
def ci_it_gh_secret_set(r):
    k = anthropic_key(r)
    return R("anthropic_api_key", D(r"""
        Ho impostato il segreto così ma nella Action risulta vuoto. Dove sbaglio?

        $ gh secret set ANTHROPIC_API_KEY --repo ⟦repo⟧ --body "⟦k⟧"
        ✓ Set Actions secret ANTHROPIC_API_KEY for ⟦repo⟧
        """), repo=r.choice(["studio-ferri/assistente-clienti", "paolo-m/bot-ricette"]), k=S("anthropic_api_key", k))


@T("ci", "it", "not_secret")
def ci_it_gh_secret_list(r):
    return R("no_credential", D(r"""
        Quali di questi segreti posso cancellare? Non ricordo più cosa usa cosa.

        $ gh secret list
        NAME                 UPDATED
        ANTHROPIC_API_KEY    about 2 days ago
        HF_TOKEN             about 3 months ago
        OPENAI_API_KEY       about 1 year ago
        PINECONE_API_KEY     about 1 year ago
        """))


@T("ci", "en", "secret")
def ci_modal_token_set(r):
    tid, tsec = "ak-" + rs(r, 22), "as-" + rs(r, 22)
    return R("modal_token_secret", D(r"""
        Deploying our embedding service to Modal from GitHub Actions. This step works locally but in CI says "Token
        missing". Step:

        - name: Deploy to Modal
          run: |
            pip install modal
            modal token set --token-id ⟦tid⟧ --token-secret ⟦tsec⟧
            modal deploy embed_service.py
        """), tid=S("modal_token_id", tid), tsec=S("modal_token_secret", tsec))


@T("ci", "en", "not_secret")
def ci_hf_space_secrets_page(r):
    return R("redacted", D(r"""
        My Gradio Space says "OPENAI_API_KEY not set" but it's there in Settings. Page text:

        Variables and secrets
        Secrets are private and will not be shown again.
        OPENAI_API_KEY    Secret    ••••••••••••    Updated 2 hours ago   [Replace] [Delete]
        MODEL_NAME        Variable  gpt-4o-mini     Updated 2 hours ago   [Edit] [Delete]
        """))


@T("ci", "en", "not_secret")
def ci_gitlab_masked_log(r):
    return R("redacted", D(r"""
        The job log shows this; did the masking work or did it leak?

        $ echo "Using key $COHERE_API_KEY for rerank eval"
        Using key [MASKED] for rerank eval
        $ python eval_rerank.py --model rerank-v3.5
        nDCG@10 = 0.⟦n⟧
        """), n=r.randint(600, 799))


@T("ci", "en", "not_secret")
def ci_git_shas(r):
    return R("git_sha", D(r"""
        Which commit broke the RAG eval? CI history:

        ⟦a⟧  feat: switch embeddings to text-embedding-3-large   ✅ run ⟦ra⟧
        ⟦b⟧  chore: bump langchain-core to 0.3.28               ❌ run ⟦rb⟧
        ⟦c⟧  fix: chunk overlap 64 -> 128                       ❌ run ⟦rc⟧
        """), a=hx(r, 40), b=hx(r, 40), c=hx(r, 40), ra=digits(r, 11), rb=digits(r, 11), rc=digits(r, 11))


@T("ci", "en", "secret")
def ci_docker_login_registry(r):
    p = pw(r, "en", "plain")
    return R("password", D(r"""
        Our Jenkins job pushes the inference server image to Harbor. It works but prints a warning. Should I care?

        + docker login harbor.⟦dom⟧ -u robot-ml-push -p ⟦pw⟧
        WARNING! Using --password via the CLI is insecure. Use --password-stdin.
        Login Succeeded
        + docker push harbor.⟦dom⟧/ml/triton-llm:⟦tag⟧
        """), dom=r.choice(["datalab.example-corp.net", "ml.fintrack.io"]), pw=S("password", p), tag=hx(r, 7))

# ======================================================================= error
@T("error", "en", "secret")
def err_rich_traceback_locals(r):
    k = openai_key(r, "proj")
    return R("openai_api_key", D(r"""
        What does this mean? My summariser crashed overnight:

        ╭──────────────── Traceback (most recent call last) ────────────────╮
        │ /app/summarise.py:48 in call_llm                                   │
        │                                                                    │
        │   45 │   resp = httpx.post(URL, headers=headers, json=payload,      │
        │   46 │                     timeout=30)                              │
        │ ❱ 48 │   resp.raise_for_status()                                   │
        │                                                                    │
        │ ╭───────────────────────── locals ─────────────────────────╮       │
        │ │ headers = {'Authorization': 'Bearer ⟦k⟧', 'Content-Type': 'application/json'} │
        │ │ payload = {'model': 'gpt-4o-mini', 'messages': [...]}     │       │
        │ ╰──────────────────────────────────────────────────────────╯       │
        ╰────────────────────────────────────────────────────────────────────╯
        HTTPStatusError: Server error '503 Service Unavailable' for url 'https://api.openai.com/v1/chat/completions'
        """), k=S("openai_api_key", k))


@T("error", "en", "not_secret")
def err_openai_masked(r):
    return R("masked_key", D(r"""
        I definitely copied the right key, why this?

        openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided:
        sk-proj-********************************************************************************************************************************************************⟦l⟧.
        You can find your API key at https://platform.openai.com/account/api-keys.', 'type': 'invalid_request_error',
        'param': None, 'code': 'invalid_api_key'}}
        """), l=rs(r, 4))


@T("error", "en", "secret")
def err_httpx_debug_anthropic(r):
    k = anthropic_key(r)
    return R("anthropic_api_key", D(r"""
        I turned on HTTP debug logging to see why requests hang. Is this normal output?

        DEBUG:httpcore.http11:send_request_headers.started request=<Request [b'POST']>
        DEBUG:anthropic._base_client:Request options: {'method': 'post', 'url': '/v1/messages', 'timeout': 600,
          'headers': {'x-api-key': '⟦k⟧', 'anthropic-version': '2023-06-01'},
          'json_data': {'max_tokens': 1024, 'model': 'claude-3-5-haiku-latest', 'messages': [...]}}
        DEBUG:httpcore.connection:connect_tcp.started host='api.anthropic.com' port=443
        """), k=S("anthropic_api_key", k))


@T("error", "ru", "secret")
def err_ru_gemini_url(r):
    k = google_ai_key(r)
    return R("google_ai_api_key", D(r"""
        Скрипт для генерации описаний товаров падает с такой ошибкой. Что значит 400? Модель вроде правильная.

        Traceback (most recent call last):
          File "opisaniya.py", line 31, in <module>
            r.raise_for_status()
        requests.exceptions.HTTPError: 400 Client Error: Bad Request for url:
        https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=⟦k⟧
        """), k=S("google_ai_api_key", k))


@T("error", "ja", "not_secret")
def err_anthropic_request_id(r):
    return R("request_id", D(r"""
        社内ツールからAnthropic APIを呼ぶと、ときどき次のエラーになります。サポートに問い合わせたら「リクエストIDを教えて」と
        言われました。どの部分のことですか？

        anthropic.InternalServerError: Error code: 529 - {'type': 'error', 'error': {'type': 'overloaded_error',
        'message': 'Overloaded'}, 'request_id': 'req_011C⟦q⟧'}
        """), q=rs(r, 20))


@T("error", "zh", "secret")
def err_zh_moonshot_log(r):
    k = "sk-" + rs(r, 48)
    return R("moonshot_api_key", D(r"""
        我们的客服机器人调 Kimi 接口偶尔超时，我把日志级别调成 DEBUG 之后看到这些，帮我分析一下是哪里慢：

        2025-01-20 10:31:02,118 DEBUG [client] POST https://api.moonshot.cn/v1/chat/completions
        2025-01-20 10:31:02,118 DEBUG [client] headers={'Authorization': 'Bearer ⟦k⟧', 'Content-Type': 'application/json'}
        2025-01-20 10:31:32,120 ERROR [client] ReadTimeout after 30.0s (model=moonshot-v1-32k, tokens_in=21873)
        """), k=S("moonshot_api_key", k))


@T("error", "en", "not_secret")
def err_dashscope_masked(r):
    return R("masked_key", D(r"""
        Qwen through the OpenAI-compatible endpoint says my key is wrong, but it works in the console playground:

        openai.AuthenticationError: Error code: 401 - {'error': {'message': 'Incorrect API key provided. ',
        'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'},
        'request_id': '⟦rid⟧'}
        Key in use (from my debug print): sk-⟦a⟧****************************⟦b⟧
        """), rid=uid(r), a=hx(r, 4), b=hx(r, 4))


@T("error", "en", "secret")
def err_docker_inspect_env(r):
    k = groq_key(r)
    return R("groq_api_key", D(r"""
        My chatbot container restarts in a loop. docker inspect shows this env, anything odd?

        "Env": [
            "GROQ_API_KEY=⟦k⟧",
            "GROQ_MODEL=llama-3.3-70b-versatile",
            "PORT=8080",
            "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "PYTHON_VERSION=3.12.8"
        ],
        "RestartCount": 37,
        """), k=S("groq_api_key", k))


@T("error", "ko", "secret")
def err_ko_netrc_wandb(r):
    k = hx(r, 40)
    return R("wandb_api_key", D(r"""
        학교 GPU 서버에서 wandb가 자꾸 다른 사람 계정으로 로그인돼요. 홈 디렉터리의 ~/.netrc 파일이 이렇게 되어 있는데, 이게 원인인가요?

        machine api.wandb.ai
          login user
          password ⟦k⟧
        """), k=S("wandb_api_key", k))


@T("error", "en", "not_secret")
def err_wandb_username(r):
    return R("username", D(r"""
        wandb logs my runs to the wrong team. `wandb status` prints:

        Current Settings
        {
          "api_key": null,
          "base_url": "https://api.wandb.ai",
          "entity": "⟦ent⟧",
          "git_remote": "origin",
          "project": "speech-asr",
          "username": "⟦user⟧"
        }
        """), ent=r.choice(["voicelab-research", "asr-team-kth"]), user=r.choice(["jlindqvist", "ananya-r"]))


@T("error", "en", "not_secret")
def err_hf_curl_redacted(r):
    return R("redacted", D(r"""
        I'm sharing my curl -v output in a forum thread about 401s from the Inference Endpoints. I edited the token out,
        is there anything else I should remove?

        > POST /models/⟦org⟧/support-classifier HTTP/2
        > Host: ⟦ep⟧.us-east-1.aws.endpoints.huggingface.cloud
        > authorization: Bearer hf_[REMOVED]
        > content-type: application/json
        < HTTP/2 401
        < x-request-id: ⟦rid⟧
        """), org=r.choice(["acme-ai", "northstar-ml"]), ep=rs(r, 16, LOWNUM), rid=rs(r, 20, LOWNUM))


@T("error", "ar", "secret")
def err_ar_node_mongo_uri(r):
    p = pw(r, "ar", "url")
    return R("password", D(r"""
        بوت الدردشة الخاص بمتجري (Node.js) يتوقف عند التشغيل وتظهر هذه الرسالة. ما المشكلة؟

        MongoServerError: bad auth : authentication failed
            at Connection.onMessage (/app/node_modules/mongodb/lib/cmap/connection.js:231:26)
        config loaded: {
          port: 3000,
          mongoUri: 'mongodb+srv://botuser:⟦pw⟧@cluster0.⟦cl⟧.mongodb.net/chatbot?retryWrites=true',
          model: 'gpt-4o-mini'
        }
        """), pw=S("password", p), cl=rs(r, 5, LOWNUM))


@T("error", "ru", "not_secret")
def err_rate_limit_org(r):
    return R("request_id", D(r"""
        При пакетной генерации эмбеддингов постоянно ловим эту ошибку. Мы отправляем логи подрядчику — нужно ли
        скрывать ID организации?

        openai.RateLimitError: Error code: 429 - {'error': {'message': 'Rate limit reached for text-embedding-3-large
        in organization org-⟦org⟧ on tokens per min (TPM): Limit 1000000, Used 998211, Requested 8192.
        Please try again in 431ms.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}
        x-request-id: req_⟦req⟧
        """), org=rs(r, 24), req=hx(r, 32))


@T("error", "tr", "not_secret")
def err_tr_pinecone_host(r):
    return R("identifier", D(r"""
        Pinecone'da sorgu atınca "PineconeApiException: (404) Not Found" alıyorum. Index bilgileri şöyle, host adresi
        doğru mu?

        {'name': 'urun-arama',
         'dimension': 1536,
         'metric': 'cosine',
         'host': 'urun-arama-⟦h⟧.svc.aped-4627-b74a.pinecone.io',
         'spec': {'serverless': {'cloud': 'aws', 'region': 'us-east-1'}},
         'status': {'ready': True, 'state': 'Ready'}}
        """), h=hx(r, 7))


@T("error", "en", "not_secret")
def err_langchain_tracer_ids(r):
    return R("request_id", D(r"""
        This warning fills my logs after I enabled tracing. Safe to ignore?

        WARNING:langsmith.client:Failed to multipart ingest runs: langsmith.utils.LangSmithConnectionError:
        Connection error caused failure to POST https://api.smith.langchain.com/runs/multipart
        in LangSmith API. trace=⟦t⟧,id=⟦i⟧; trace=⟦t⟧,id=⟦j⟧
        """), t=uid(r), i=uid(r), j=uid(r))


# ======================================================================== curl
@T("curl", "en", "secret")
def curl_anthropic_messages(r):
    k = anthropic_key(r)
    return R("anthropic_api_key", D(r"""
        This works from my Mac but from the office VM I get "Could not resolve host". Proxy issue?

        curl https://api.anthropic.com/v1/messages \
          -H "x-api-key: ⟦k⟧" \
          -H "anthropic-version: 2023-06-01" \
          -H "content-type: application/json" \
          -d '{"model":"claude-3-5-haiku-latest","max_tokens":256,"messages":[{"role":"user","content":"Hello"}]}'
        """), k=S("anthropic_api_key", k))


@T("curl", "en", "not_secret")
def curl_openai_env_var(r):
    return R("secret_reference", D(r"""
        Why does this return "You didn't provide an API key" on Windows PowerShell but works in Git Bash?

        curl https://api.openai.com/v1/models -H "Authorization: Bearer $OPENAI_API_KEY"
        """))


@T("curl", "en", "secret")
def curl_hf_inference(r):
    t = hf_token(r)
    return R("huggingface_token", D(r"""
        The serverless inference call for sentiment returns {"error":"Model is currently loading","estimated_time":20}
        forever. Command:

        curl https://api-inference.huggingface.co/models/cardiffnlp/twitter-roberta-base-sentiment-latest \
          -X POST -d '{"inputs": "The delivery was late again"}' \
          -H "Authorization: Bearer ⟦t⟧"
        """), t=S("huggingface_token", t))


@T("curl", "en", "secret")
def curl_openai_svcacct(r):
    k = openai_key(r, "svcacct")
    return R("openai_api_key", D(r"""
        Our Mumbai office's billing cron calls this to pull daily costs, and it suddenly returns 403 "insufficient
        permissions". Did the endpoint change?

        curl "https://api.openai.com/v1/organization/costs?start_time=⟦ts⟧&limit=7" \
          -H "Authorization: Bearer ⟦k⟧" \
          -H "Content-Type: application/json"
        """), ts=1735689600 + 86400 * r.randint(0, 30), k=S("openai_api_key", k))


@T("curl", "en", "not_secret")
def curl_pinecone_describe(r):
    return R("identifier", D(r"""
        Describe-index output from Pinecone. Which of these goes into my client config, the host or the name?

        $ curl -s https://api.pinecone.io/indexes/faq-bot -H "Api-Key: $PINECONE_API_KEY" -H "X-Pinecone-API-Version: 2025-01" | jq
        {
          "name": "faq-bot",
          "host": "faq-bot-⟦h⟧.svc.aped-4627-b74a.pinecone.io",
          "dimension": 1024,
          "deletion_protection": "disabled",
          "status": { "ready": true, "state": "Ready" }
        }
        """), h=hx(r, 7))


@T("curl", "en", "not_secret")
def curl_ollama_local(r):
    return R("no_credential", D(r"""
        Ollama on my home server: this works on the box itself but not from my laptop on the same Wi-Fi.

        curl http://192.168.1.⟦ip⟧:11434/api/generate -d '{"model": "llama3.2", "prompt": "Why is the sky blue?", "stream": false}'
        curl: (7) Failed to connect to 192.168.1.⟦ip⟧ port 11434: Connection refused
        """), ip=r.randint(20, 200))


@T("curl", "pl", "secret")
def curl_pl_qdrant(r):
    k = rs(r, 48, URLSAFE)
    return R("qdrant_api_key", D(r"""
        Chcę usunąć starą kolekcję w Qdrant Cloud, ale dostaję 403. Czy klucz tylko do odczytu może to blokować?

        curl -X DELETE "https://⟦cl⟧.eu-central-1-0.aws.cloud.qdrant.io:6333/collections/faq_stare" \
          -H "api-key: ⟦k⟧"
        {"status":{"error":"Forbidden: Global access is required"},"time":0.000021}
        """), cl=uid(r), k=S("qdrant_api_key", k))


@T("curl", "sw", "secret")
def curl_sw_openrouter(r):
    k = "sk-or-v1-" + hx(r, 64)
    return R("openrouter_api_key", D(r"""
        Ninajaribu kutumia OpenRouter kwa chatbot ya Kiswahili ya shule yetu. Amri hii inarudisha "402 Payment Required".
        Je, ni lazima niweke salio kwanza hata kwa modeli za bure?

        curl https://openrouter.ai/api/v1/chat/completions \
          -H "Authorization: Bearer ⟦k⟧" \
          -H "Content-Type: application/json" \
          -d '{"model": "meta-llama/llama-3.3-70b-instruct", "messages": [{"role": "user", "content": "Habari za asubuhi?"}]}'
        """), k=S("openrouter_api_key", k))


@T("curl", "sw", "not_secret")
def curl_sw_openrouter_gen_id(r):
    return R("request_id", D(r"""
        Mwalimu mwenzangu aliniuliza gharama ya ombi moja. Jibu la OpenRouter lina namba hizi; ipi ni ya kutafuta gharama?

        {"id": "gen-⟦ts⟧-⟦g⟧", "provider": "DeepInfra", "model": "meta-llama/llama-3.3-70b-instruct",
         "object": "chat.completion", "created": ⟦ts⟧,
         "usage": {"prompt_tokens": 18, "completion_tokens": 42, "total_tokens": 60}}
        """), ts=1736000000 + r.randint(0, 9999999), g=rs(r, 20))


@T("curl", "en", "secret")
def curl_together(r):
    k = "tgp_v1_" + rs(r, 43, URLSAFE)
    return R("together_api_key", D(r"""
        Together's embeddings endpoint returns vectors of length 768 but my index expects 1024. Which model should I use?

        curl -X POST https://api.together.xyz/v1/embeddings \
             -H "Authorization: Bearer ⟦k⟧" \
             -H "Content-Type: application/json" \
             -d '{"model": "togethercomputer/m2-bert-80M-8k-retrieval", "input": "Our return window is 30 days."}'
        """), k=S("together_api_key", k))


@T("curl", "en", "not_secret")
def curl_gcloud_token(r):
    return R("secret_reference", D(r"""
        Vertex AI returns 403 PERMISSION_DENIED for this; my account has "Vertex AI User". What else is missing?

        curl -X POST \
          -H "Authorization: Bearer $(gcloud auth print-access-token)" \
          -H "Content-Type: application/json" \
          "https://us-central1-aiplatform.googleapis.com/v1/projects/⟦proj⟧/locations/us-central1/publishers/google/models/gemini-1.5-pro:generateContent" \
          -d @request.json
        """), proj=r.choice(["acme-genai-dev", "retail-search-4471"]))


@T("curl", "en", "not_secret")
def curl_gemini_header_env(r):
    return R("secret_reference", D(r"""
        Is it better to send the Gemini key as a header instead of ?key= in the URL? This is what I have now:

        curl "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent" \
          -H "x-goog-api-key: ${GEMINI_API_KEY}" \
          -H "Content-Type: application/json" \
          -d '{"contents":[{"parts":[{"text":"Write a haiku about invoices"}]}]}'
        """))


# ======================================================================= build
WORDCH = set(string.ascii_letters + string.digits + "_")
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def build():
    names = [t["name"] for t in TEMPLATES]
    assert len(names) == len(set(names)), "duplicate template name"
    rows = []
    for t in TEMPLATES:
        r = random.Random(SEED + "/" + t["name"])
        rowtype, text, ents = t["fn"](r)
        rows.append((t, rowtype, text, ents))
    order = list(range(len(rows)))
    random.Random(SEED).shuffle(order)
    out = []
    for i, k in enumerate(order):
        t, rowtype, text, ents = rows[k]
        out.append({
            "id": "%s-%03d" % (PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": rowtype,
            "entities": [{"type": e["type"], "start": e["start"], "end": e["end"], "value": e["value"]}
                         for e in sorted(ents, key=lambda e: e["start"])],
            "spans_known": True,
            "source": {"repo": REPO},
            "_t": t,
            "_glued": {(e["start"], e["end"]) for e in ents if e["glued"]},
        })
    return out


def validate(rows):
    errs = []
    ids, texts = set(), set()
    for row in rows:
        t, text, rid = row["_t"], row["text"], row["id"]

        def err(msg):
            errs.append("%s (%s): %s" % (rid, t["name"], msg))
        if rid in ids:
            err("duplicate id")
        ids.add(rid)
        if text in texts:
            err("duplicate text")
        texts.add(text)
        if "⟦" in text or "⟧" in text:
            err("unfilled placeholder")
        if not SNAKE.match(row["type"]):
            err("type not snake_case")
        ents = row["entities"]
        if row["label"] == "not_secret":
            if ents:
                err("not_secret row with entities")
            if row["type"] not in NEG_TYPES:
                err("unknown negative type %s" % row["type"])
        else:
            if not ents:
                err("secret row without entities")
            if row["type"] not in {e["type"] for e in ents}:
                err("row type %s not among entity types" % row["type"])
        prev_end = -1
        for e in ents:
            s, en, v = e["start"], e["end"], e["value"]
            if not SNAKE.match(e["type"]):
                err("entity type not snake_case")
            if text[s:en] != v:
                err("span mismatch %r != %r" % (text[s:en], v))
            if not v or v != v.strip():
                err("span has surrounding whitespace or is empty: %r" % v)
            if s < prev_end:
                err("overlapping spans")
            prev_end = en
            glued = (s, en) in row["_glued"]
            if s > 0 and text[s - 1] in WORDCH and text[s] in WORDCH and not glued:
                err("span starts inside a word: %r" % text[max(0, s - 10):s + 10])
            if en < len(text) and text[en - 1] in WORDCH and text[en] in WORDCH:
                err("span ends inside a word: %r" % text[en - 10:en + 10])
            for d in DOC_EXAMPLES:
                if d in v:
                    err("documentation example marked: %r" % d)
        spans = {(e["start"], e["end"]) for e in ents}
        for v in {e["value"] for e in ents}:
            i = text.find(v)
            while i != -1:
                if (i, i + len(v)) not in spans:
                    err("unmarked occurrence of %r at %d" % (v[:30], i))
                i = text.find(v, i + 1)
    n = len(rows)
    sec = [r for r in rows if r["label"] == "secret"]
    share = len(sec) / n
    nonen = sum(1 for r in rows if r["_t"]["lang"] != "en") / n
    human = sum(1 for r in sec if r["type"] in HUMAN_ROW) / max(1, len(sec))
    langs = {r["_t"]["lang"] for r in rows} - {"en"}
    if n != 250:
        errs.append("expected 250 rows, got %d" % n)
    if not 0.48 <= share <= 0.55:
        errs.append("secret share %.3f out of 0.48-0.55" % share)
    if not 0.40 <= nonen <= 0.50:
        errs.append("non-English share %.3f out of 0.40-0.50" % nonen)
    if len(langs) < 12:
        errs.append("only %d non-English languages" % len(langs))
    if not 0.35 <= human <= 0.50:
        errs.append("human-password share of secret rows %.3f out of 0.35-0.50" % human)
    return errs


def dumps(rows):
    keys = ["id", "text", "label", "type", "entities", "spans_known", "source"]
    return "".join(json.dumps({k: r[k] for k in keys}, ensure_ascii=False) + "\n" for r in rows)


def stats(rows):
    from collections import Counter
    n = len(rows)
    lab = Counter(r["label"] for r in rows)
    sec = [r for r in rows if r["label"] == "secret"]
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], lab["secret"], 100 * lab["secret"] / n))
    nonen = sum(1 for r in rows if r["_t"]["lang"] != "en")
    print("non-English rows: %d (%.1f%%)" % (nonen, 100 * nonen / n))
    print("templates: %d (each used once)" % len(TEMPLATES))
    h = sum(1 for r in sec if r["type"] in HUMAN_ROW)
    print("human-password rows (password, pin): %d of %d secret rows (%.1f%%)" % (h, len(sec), 100 * h / len(sec)))
    for w in (1, 2):
        ws = [r for r in rows if WORLD[r["_t"]["group"]] == w]
        print("world %d rows: %d (secret %d, not_secret %d)" % (w, len(ws), sum(r["label"] == "secret" for r in ws),
                                                                 sum(r["label"] == "not_secret" for r in ws)))
    print()
    print("%-20s %7s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for r in rows if r["_t"]["group"] == g and r["label"] == "secret")
        ns = sum(1 for r in rows if r["_t"]["group"] == g and r["label"] == "not_secret")
        print("  %-18s %7d %11d %6d" % (g, s, ns, s + ns))
    print()
    print("%-20s %7s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for l, name in LANGS.items():
        s = sum(1 for r in rows if r["_t"]["lang"] == l and r["label"] == "secret")
        ns = sum(1 for r in rows if r["_t"]["lang"] == l and r["label"] == "not_secret")
        print("  %-2s %-15s %7d %11d %6d" % (l, name, s, ns, s + ns))
    for title, items in (("row type (secret", [r["type"] for r in sec]),
                         ("row type (not_secret", [r["type"] for r in rows if r["label"] == "not_secret"]),
                         ("entity type (%d spans" % sum(len(r["entities"]) for r in rows),
                          [e["type"] for r in rows for e in r["entities"]])):
        c = Counter(items)
        print()
        print("%s, %d kinds):" % (title, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="rebuild and compare with holdout.jsonl byte for byte")
    ap.add_argument("--stats", action="store_true", help="print counts")
    a = ap.parse_args()
    rows = build()
    errs = validate(rows)
    if errs:
        for e in errs:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    data = dumps(rows).encode("utf-8")
    if a.stats:
        stats(rows)
        return
    if a.check:
        old = OUT.read_bytes() if OUT.exists() else b""
        if old != data:
            print("MISMATCH: holdout.jsonl differs from a fresh build", file=sys.stderr)
            sys.exit(1)
        print("OK: holdout.jsonl matches (%d rows, sha256 %s)" % (len(rows), hashlib.sha256(data).hexdigest()))
        return
    OUT.write_bytes(data)
    # re-read and validate what was written
    back = [json.loads(l) for l in OUT.read_text(encoding="utf-8").splitlines()]
    for row, b in zip(rows, back):
        for e in b["entities"]:
            assert b["text"][e["start"]:e["end"]] == e["value"]
        assert b["id"] == row["id"]
    print("wrote %s: %d rows, sha256 %s" % (OUT.name, len(rows), hashlib.sha256(data).hexdigest()))


if __name__ == "__main__":
    main()
