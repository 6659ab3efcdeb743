#!/usr/bin/env python3
"""Generate and validate the general13 blind hold-out set for the secrets detector.

Flavour: commerce, marketing and money around the world -- what merchants,
marketers, agencies, freelancers and their developers paste into an AI
assistant.

    python3 gen.py           write holdout.jsonl and validate it
    python3 gen.py --check   rebuild in memory and compare byte for byte
    python3 gen.py --stats   print counts by group, language, type

Python 3 standard library only. Every template is used exactly once.
"""

import base64
import collections
import hashlib
import json
import os
import random
import re
import string
import sys
import uuid

SEED = "parapet/general13/holdout/v1"
REPO = "handwritten/general13"
ID_PREFIX = "sg13-"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "holdout.jsonl")

LANGS = {
    "en": "English", "id": "Indonesian", "vi": "Vietnamese", "th": "Thai",
    "tl": "Tagalog", "hi": "Hindi", "sw": "Swahili", "tr": "Turkish",
    "ar": "Arabic", "ja": "Japanese", "ko": "Korean", "zh": "Chinese",
    "ru": "Russian", "pt": "Portuguese", "es": "Spanish", "de": "German",
    "pl": "Polish",
}

GROUPS = collections.OrderedDict([
    ("payments", "payment providers worldwide: API keys, secret keys, merchant keys, passkeys, dashboard logins"),
    ("shop", "e-commerce platforms and marketplaces: Shopify, WooCommerce, Magento, BigCommerce, Amazon SP-API, eBay, Etsy, Shopee, Lazada, Tokopedia, Jumia, Allegro"),
    ("ads", "ad platforms: Google Ads, Meta / Instagram, TikTok, Snapchat, LinkedIn"),
    ("messaging", "e-mail / SMS / WhatsApp marketing and CRM: Mailchimp, Klaviyo, Brevo, HubSpot, ActiveCampaign, Twilio, SendGrid, WhatsApp Cloud API"),
    ("analytics", "analytics: GA4 Measurement Protocol, Segment, Mixpanel, Amplitude, Hotjar"),
    ("nocode", "CMS and no-code: Contentful, Sanity, Strapi, Webflow, Airtable, Notion, Zapier, Make, n8n, Bubble"),
    ("accounting", "accounting and invoicing: Xero, QuickBooks, Zoho, FreshBooks, Holded"),
    ("banking", "banking: online-banking logins, card and wallet PINs, one-time codes, IBAN / SWIFT"),
    ("social", "shared logins for social-media accounts, seller centres and marketplaces"),
    ("webhook", "webhook payloads, signature headers and signing secrets"),
])

# label categories this set uses for not_secret rows (validated)
NEG_TYPES = {
    "publishable_key", "public_client_key", "identifier", "doc_example_key",
    "doc_sandbox_credential", "test_card", "masked_key", "redacted",
    "placeholder", "secret_reference", "rotation_notice", "out_of_band_notice",
    "account_number", "bank_identifier", "signature", "hash", "webhook_url",
    "password_policy", "password_prompt", "security_advice", "expired_code",
    "empty_value", "username", "tracking_id", "request_id", "order_id",
    "encrypted_blob", "reset_notice", "dummy_value", "password_hint",
    "public_key", "version_string", "no_credential", "password_hash",
}

HUMAN_SECRET_TYPES = {"password", "password_spelled", "pin"}

# published documentation / sandbox values: must never be marked
DOC_EXAMPLES = [
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "pk_test_TYooMQauvdEDq54NiTphI7jx",
    "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919",
    "099eb0cd-02cf-4e2a-8aca-3e6c6aff0399",
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    "4242424242424242",
    "4242 4242 4242 4242",
    "fake-valid-nonce",
    "user_good",
    "pass_good",
]

# ---------------------------------------------------------------- alphabets
LOW = string.ascii_lowercase
UP = string.ascii_uppercase
DIG = string.digits
AL = LOW + UP + DIG
LD = LOW + DIG
UD = UP + DIG
HEX = "0123456789abcdef"
UHEX = "0123456789ABCDEF"
B64 = AL + "+/"
B64U = AL + "-_"
B32 = UP + "234567"


def rs(r, n, alpha=AL):
    """random string of length n; for mixed alphabets require a digit and a letter."""
    while True:
        s = "".join(r.choice(alpha) for _ in range(n))
        if n < 8 or not (set(alpha) & set(DIG)) or not (set(alpha) & set(LOW + UP)):
            return s
        if any(c in DIG for c in s) and any(c.isalpha() for c in s):
            return s


def ruuid(r):
    return str(uuid.UUID(int=r.getrandbits(128), version=4))


def b64u(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt(r, payload, alg="HS256"):
    h = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    p = b64u(json.dumps(payload, separators=(",", ":")).encode())
    n = 43 if alg.startswith("HS") else 342
    return h + "." + p + "." + rs(r, n, B64U)


def digits(r, n, first_nonzero=True):
    s = r.choice("123456789") if first_nonzero else r.choice(DIG)
    return s + "".join(r.choice(DIG) for _ in range(n - 1))


# ---------------------------------------------------------------- passwords
WORDS = {
    "en": ["Sunset", "Harbor", "Falcon", "Maple", "Copper", "Velvet", "Saffron", "Bramble", "Lantern"],
    "id": ["Rahasia", "Kopi", "Merdeka", "Bunga", "Gajah", "Nasgor", "Melati", "Rendang"],
    "vi": ["Saigon", "HoaSen", "MatTroi", "Banhmi", "PhoBo", "Hanoi", "Mekong"],
    "th": ["Sawasdee", "Chiangmai", "Mamuang", "Krathong", "Tomyum", "Sabai"],
    "tl": ["Mahal", "Bayanihan", "Adobo", "Sampaguita", "Kabayan", "Halohalo"],
    "hi": ["Chai", "Ganga", "Diwali", "Sitara", "Namaste", "Jalebi", "Mausam"],
    "sw": ["Simba", "Jambo", "Tembo", "Pwani", "Karibu", "Nyota", "Kilimanjaro"],
    "tr": ["Güneş", "Lale", "Boğaz", "Çınar", "Kahve", "Simit", "Kapadokya"],
    "ar": ["Qamar", "Nakhla", "Sahara", "Yasmin", "Falak", "Bahr", "Sukkar"],
    "ja": ["Sakura", "Fujisan", "Tanuki", "Kaede", "Hikari", "Onigiri"],
    "ko": ["Haneul", "Saranghae", "Bada", "Hangang", "Dalbit", "Bomnal"],
    "zh": ["Longma", "Xingfu", "Xiongmao", "Chunjie", "Jinyu", "Baozi"],
    "ru": ["Solnce", "Medved", "Zvezda", "Berezka", "Морошка", "Ромашка"],
    "pt": ["Saudade", "Cajueiro", "Ipanema", "Maracujá", "Sabiá", "Pitanga"],
    "es": ["Girasol", "Mañana", "Quetzal", "Alegría", "Tortuga", "Ñandú"],
    "de": ["Müllerstraße", "Sonnenblume", "Kuckuck", "Apfelbaum", "Zugspitze"],
    "pl": ["Łódka", "Żubr", "Bursztyn", "Wisła", "Jagoda", "Pierogi"],
}
PHRASE = {
    "en": ["blue", "tiger", "window", "coffee", "rocket", "garden", "silver", "river", "paper", "orange"],
    "id": ["kopi", "hujan", "pantai", "kucing", "merah", "gunung", "jalan", "pagi"],
    "es": ["gato", "luna", "verde", "cielo", "mango", "playa", "tarde", "perro"],
    "pt": ["gato", "praia", "verde", "chuva", "manga", "noite", "pedra", "samba"],
    "de": ["apfel", "wolke", "tisch", "regen", "brille", "fahrrad", "katze", "garten"],
    "pl": ["kot", "rower", "las", "zupa", "deszcz", "okno", "niebo", "lato"],
    "tl": ["araw", "ulan", "bahay", "puso", "dagat", "bituin", "saging", "gabi"],
    "sw": ["mvua", "jua", "bahari", "ndizi", "pikipiki", "mlima", "chai", "rafiki"],
    "ru": ["kotik", "moloko", "zima", "leto", "doroga", "gorod", "chaynik", "veter"],
    "ar": ["qamar", "bahr", "shams", "nakhla", "qahwa", "ward", "najm", "sahab"],
}
WALKS = ["1qaz2wsx", "q1w2e3r4t5", "zaq12wsx", "1q2w3e4r", "qwe123asd", "asdf1234", "!QAZ2wsx"]
LEET = {"a": "@", "e": "3", "i": "1", "o": "0", "s": "$"}


def pw(r, lang="en", syms="!@#%&*?-_+=.", shape=None, ascii_only=False, spaces=False, brand=None):
    """a human password in one of several realistic shapes."""
    words = WORDS.get(lang, WORDS["en"])
    if ascii_only:
        words = [w for w in words if all(ord(c) < 128 for c in w)] or WORDS["en"]
    shapes = ["word_digits_sym", "two_words", "phrase", "random", "walk", "leet", "brand"]
    shape = shape or r.choice(shapes)
    sym = r.choice(syms) if syms else ""
    if shape == "word_digits_sym":
        v = r.choice(words) + digits(r, r.choice([2, 3, 4]), False) + sym
    elif shape == "two_words":
        a, b = r.sample(words, 2)
        v = a + (sym or "") + b + digits(r, 2, False)
    elif shape == "phrase":
        ws = PHRASE.get(lang, PHRASE["en"])
        seps = [x for x in ("-", ".") if x in syms] + ([" "] if spaces else [])
        if seps:
            v = r.choice(seps).join(r.sample(ws, 4))
        else:
            v = "".join(w.capitalize() for w in r.sample(ws, 3)) + digits(r, 2, False)
    elif shape == "random":
        alpha = AL + (syms or "")
        while True:
            v = rs(r, r.choice([10, 12, 14, 16]), alpha)
            if not syms or any(c in syms for c in v):
                break
    elif shape == "walk":
        w = r.choice([x for x in WALKS if all(c.isalnum() or c in syms for c in x)])
        v = w + sym + r.choice(words)[:5]
    elif shape == "leet":
        w = r.choice(words)
        w2 = "".join(LEET.get(c, c) if (c in LEET and LEET[c] in (syms + DIG)) else c for c in w)
        if w2 == w:
            w2 = w + sym
        v = w2[0].upper() + w2[1:] + digits(r, 4, False)
    elif shape == "brand":
        b = brand or r.choice(words).lower()
        v = b + sym + digits(r, 4, False)
    else:
        raise ValueError(shape)
    return v


# ---------------------------------------------------------------- registry
TEMPLATES = []


def tpl(group, lang, label):
    assert group in GROUPS, group
    assert lang in LANGS, lang
    assert label in ("secret", "not_secret"), label

    def deco(fn):
        TEMPLATES.append({"name": fn.__name__, "group": group, "lang": lang, "label": label, "fn": fn})
        return fn
    return deco


def M(kind, value):
    """mark a secret value inside a template's text."""
    return "\x01" + kind + "\x02" + value + "\x03"


def MG(kind, value):
    """mark a glued secret value (allowed to touch a word character on the left)."""
    return "\x01" + kind + "\x05" + value + "\x03"


MARK = re.compile(r"\x01([a-z0-9_]+)([\x02\x05])(.*?)\x03", re.S)


# ================================================================ payments
def stripe_key(r, kind="sk", mode="live"):
    return "%s_%s_51%s" % (kind, mode, rs(r, 97, AL))


@tpl("payments", "en", "secret")
def pay_stripe_node_idempotency(r):
    k = stripe_key(r)
    return "stripe_secret_key", f"""
Customers are getting charged twice when they double-click "Pay". This is our checkout route (Express), how do I add idempotency keys properly?

const stripe = require('stripe')('{M("stripe_secret_key", k)}');

app.post('/checkout', async (req, res) => {{
  const intent = await stripe.paymentIntents.create({{
    amount: req.body.amount,
    currency: 'usd',
    automatic_payment_methods: {{ enabled: true }},
  }});
  res.json({{ clientSecret: intent.client_secret }});
}});
"""


@tpl("payments", "de", "secret")
def pay_stripe_rk_agency_mail(r):
    k = stripe_key(r, "rk")
    return "stripe_restricted_key", f"""
Betreff: Zugang Stripe für den Umsatz-Export

Hallo Frau Brandt,

wie besprochen hier der eingeschränkte Schlüssel für Ihre Agentur (nur Lesezugriff auf Zahlungen und Auszahlungen):

{M("stripe_restricted_key", k)}

Bitte nur im Reporting-Tool hinterlegen, nicht im Shop-Frontend. Kannst du mir helfen, diese Mail etwas freundlicher und kürzer zu formulieren?

Viele Grüße
Jonas Weber, Kaffeerösterei Weber
"""


@tpl("payments", "en", "secret")
def pay_stripe_whsec_env(r):
    pk = stripe_key(r, "pk")
    wh = "whsec_" + rs(r, 32, AL)
    return "stripe_webhook_secret", f"""
My webhook handler always throws "No signatures found matching the expected signature for payload". Here's the .env on the Laravel box:

APP_ENV=production
STRIPE_KEY={pk}
STRIPE_WEBHOOK_SECRET={M("stripe_webhook_secret", wh)}
CASHIER_CURRENCY=gbp

I'm reading the body with $request->all() before verifying, could that be it?
"""


@tpl("payments", "es", "secret")
def pay_paypal_php_es(r):
    cid = "A" + rs(r, 79, AL + "-_")
    sec = "E" + rs(r, 79, AL + "-_")
    return "paypal_client_secret", f"""
Hola, estoy integrando PayPal en la tienda online de mi cliente (ropa infantil, México) y el token OAuth me devuelve 401 "invalid_client". ¿Qué estoy haciendo mal?

<?php
$clientId = '{cid}';
$secret   = '{M("paypal_client_secret", sec)}';
$ch = curl_init('https://api-m.paypal.com/v1/oauth2/token');
curl_setopt($ch, CURLOPT_USERPWD, $clientId . ':' . $secret);
curl_setopt($ch, CURLOPT_POSTFIELDS, 'grant_type=client_credentials');
curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
$resp = json_decode(curl_exec($ch), true);
"""


@tpl("payments", "en", "secret")
def pay_square_curl(r):
    tok = "EAAA" + rs(r, 60, AL + "-_")
    loc = "L" + rs(r, 12, UD)
    return "square_access_token", f"""
Trying to pull yesterday's orders for the café POS report. This returns an empty list even though we had 80+ sales:

curl https://connect.squareup.com/v2/orders/search \\
  -X POST \\
  -H 'Square-Version: 2024-06-04' \\
  -H 'Authorization: Bearer {M("square_access_token", tok)}' \\
  -H 'Content-Type: application/json' \\
  -d '{{"location_ids": ["{loc}"], "query": {{"filter": {{"date_time_filter": {{"created_at": {{"start_at": "2024-06-11T00:00:00Z"}}}}}}}}}}'
"""


@tpl("payments", "en", "secret")
def pay_mercadopago_py_en(r):
    tok = "APP_USR-%s-%s-%s-%s" % (digits(r, 16), digits(r, 6), rs(r, 32, HEX), digits(r, 9))
    return "mercadopago_access_token", f"""
I need to generate a Pix charge through Mercado Pago for a Brazilian cosmetics shop, but the QR code comes back null. What's missing?

import mercadopago

sdk = mercadopago.SDK("{M("mercadopago_access_token", tok)}")
pagamento = sdk.payment().create({{
    "transaction_amount": 89.90,
    "payment_method_id": "pix",
    "payer": {{"email": "cliente@exemplo.com.br"}},
}})
print(pagamento["response"]["point_of_interaction"])
"""


@tpl("payments", "en", "secret")
def pay_adyen_python(r):
    k = "AQE" + rs(r, 57, B64) + "==-" + rs(r, 43, B64) + "=-" + rs(r, 16, AL + "{}<>[]#*^")
    return "adyen_api_key", f"""
Adyen keeps answering 403 "Not allowed" when I create a payment session from our Python backend. The merchant account is right, I checked twice.

import Adyen

adyen = Adyen.Adyen()
adyen.payment.client.xapikey = "{M("adyen_api_key", k)}"
adyen.payment.client.platform = "live"
adyen.payment.client.live_endpoint_prefix = "1797a841fbb37ca7-NordicGearAB"

result = adyen.checkout.payments_api.sessions({{
    "merchantAccount": "NordicGearECOM",
    "amount": {{"value": 12900, "currency": "SEK"}},
    "reference": "order-51882",
    "returnUrl": "https://nordicgear.se/checkout/return",
}})
"""


@tpl("payments", "en", "secret")
def pay_braintree_ruby(r):
    tok = "access_token$production$%s$%s" % (rs(r, 16, LD), rs(r, 32, HEX))
    return "braintree_access_token", f"""
Rails 7 app, subscription renewals through Braintree. In production I get Braintree::AuthenticationError but only from the Sidekiq job, not from the web process. Initializer:

# config/initializers/braintree.rb
$gateway = Braintree::Gateway.new(
  access_token: "{M("braintree_access_token", tok)}"
)

Is the global variable the problem with forking?
"""


@tpl("payments", "de", "secret")
def pay_mollie_handover_de(r):
    k = "live_" + rs(r, 30, AL)
    pid = "pfl_" + rs(r, 10, AL)
    return "mollie_api_key", f"""
Kannst du aus diesen Stichpunkten eine ordentliche Übergabe-Doku für den neuen Entwickler machen?

- Shop: Shopware 6, Hosting bei Hetzner
- Zahlungen: Mollie (iDEAL, Kreditkarte, Klarna über Mollie)
- Mollie Profil-ID {pid}
- Mollie Live-API-Key: {M("mollie_api_key", k)}
- Webhooks laufen auf https://shop.gartenliebe.de/mollie/webhook
- Auszahlungen jeden Dienstag auf das Geschäftskonto
"""


@tpl("payments", "en", "secret")
def pay_klarna_credentials(r):
    user = "K%s_%s" % (digits(r, 6), rs(r, 12, HEX))
    pwd = "klarna_live_api_" + rs(r, 48, AL + "-_")
    return "klarna_api_password", f"""
Our Swedish client switched us to Klarna Payments and I need to set up the WooCommerce plugin. They sent these from the merchant portal:

Username (UID): {user}
Password: {M("klarna_api_password", pwd)}
Region: Europe

Which of the plugin fields do these go into? There's "Merchant ID", "Shared secret", "API username" and "API password".
"""


@tpl("payments", "hi", "secret")
def pay_razorpay_hi(r):
    kid = "rzp_live_" + rs(r, 14, AL)
    sec = rs(r, 24, AL)
    return "razorpay_key_secret", f"""
भाई, हमारी साड़ी की दुकान की वेबसाइट पर Razorpay checkout खुलता है पर payment के बाद order "pending" ही रहता है। डेवलपर ने ये keys डाली थीं:

key_id: {kid}
key_secret: {M("razorpay_key_secret", sec)}

signature verify करने का सही तरीका बता दो Python में, ताकि order confirm हो जाए।
"""


@tpl("payments", "en", "secret")
def pay_paytm_php_config(r):
    mid = rs(r, 6, UP) + digits(r, 14)
    mk = rs(r, 16, AL + "@#&_%!")
    return "paytm_merchant_key", f"""
Checksum mismatch from Paytm on every transaction (RESPMSG: "Checksum provided is invalid"). Config file from our Bengaluru tiffin-service site:

<?php
define('PAYTM_ENVIRONMENT', 'PROD');
define('PAYTM_MERCHANT_MID', '{mid}');
define('PAYTM_MERCHANT_KEY', '{M("paytm_merchant_key", mk)}');
define('PAYTM_MERCHANT_WEBSITE', 'DEFAULT');
define('PAYTM_CALLBACK_URL', 'https://dabbawala-express.in/paytm/callback.php');

The checksum is generated with PaytmChecksum::generateSignature($params, PAYTM_MERCHANT_KEY).
"""


@tpl("payments", "en", "secret")
def pay_phonepe_salt_en(r):
    salt = ruuid(r)
    mid = "M" + rs(r, 13, UD)
    return "phonepe_salt_key", f"""
PhonePe production gives "KEY_NOT_CONFIGURED" and I think our X-VERIFY header is wrong. UAT worked fine. Code:

const merchantId = "{mid}";
const saltKey = "{M("phonepe_salt_key", salt)}";
const saltIndex = 1;
const payload = Buffer.from(JSON.stringify(body)).toString("base64");
const xVerify = sha256(payload + "/pg/v1/pay" + saltKey) + "###" + saltIndex;

Do I also have to change the base URL for production?
"""


@tpl("payments", "en", "secret")
def pay_paystack_curl(r):
    k = "sk_live_" + rs(r, 40, HEX)
    return "paystack_secret_key", f"""
Why does this return "Invalid key" when I verify a transaction? Lagos fashion store, going live today.

curl https://api.paystack.co/transaction/verify/T{digits(r, 9)} \\
  -H "Authorization: Bearer {M("paystack_secret_key", k)}" \\
  -X GET

The reference comes straight from the inline popup callback.
"""


@tpl("payments", "sw", "secret")
def pay_flutterwave_sw(r):
    k = "FLWSECK-" + rs(r, 32, HEX) + "-X"
    return "flutterwave_secret_key", f"""
Habari, naomba msaada. Tovuti yetu ya kuuza vitenge (Nairobi) inatumia Flutterwave, lakini malipo ya M-Pesa yanakataliwa na ujumbe "Invalid authorization key".

Hii ndiyo secret key tuliyoweka kwenye settings za plugin:
{M("flutterwave_secret_key", k)}

Je, tunahitaji kuwasha "Mobile Money Kenya" kwenye dashboard kwanza?
"""


@tpl("payments", "sw", "secret")
def pay_daraja_env_sw(r):
    ck = rs(r, 48, AL)
    cs = rs(r, 64, AL)
    return "mpesa_consumer_secret", f"""
Nimejaribu kupata access token ya Daraja (production) lakini napata 400 "Invalid Authentication passed". Faili la .env ni hili:

MPESA_ENV=production
MPESA_CONSUMER_KEY={ck}
MPESA_CONSUMER_SECRET={M("mpesa_consumer_secret", cs)}
MPESA_SHORTCODE={digits(r, 6)}
MPESA_CALLBACK_URL=https://duka-langu.co.ke/api/mpesa/callback

Nimeweka Basic auth kama base64(key:secret). Kosa liko wapi?
"""


@tpl("payments", "sw", "secret")
def pay_daraja_passkey_sw(r):
    pk = rs(r, 64, HEX)
    sc = digits(r, 6)
    return "mpesa_passkey", f"""
Rafiki yangu, STK push inarudisha "Bad Request - Invalid Password" kwenye till yetu mpya. Hii ni sehemu ya code ya Python:

shortcode = "{sc}"
passkey = "{M("mpesa_passkey", pk)}"
timestamp = datetime.now().strftime("%Y%m%d%H%M%S")
password = base64.b64encode((shortcode + passkey + timestamp).encode()).decode()

Je, kwa Buy Goods natakiwa kutumia store number badala ya till number?
"""


@tpl("payments", "en", "secret")
def pay_xendit_en(r):
    k = "xnd_production_" + rs(r, 60, AL)
    return "xendit_secret_key", f"""
We run a batik shop in Jakarta and I'm creating Xendit invoices from our Node backend. The response is always "INVALID_API_KEY", but I copied the key straight from the dashboard:

const {{ Xendit }} = require('xendit-node');
const x = new Xendit({{ secretKey: '{M("xendit_secret_key", k)}' }});

const invoice = await x.Invoice.createInvoice({{
  data: {{ externalId: 'INV-2024-0611', amount: 250000, payerEmail: 'budi@contoh.id' }}
}});

Does the key need the "Money-in write" permission?
"""


@tpl("payments", "id", "secret")
def pay_midtrans_id(r):
    sk = "Mid-server-" + rs(r, 24, AL + "-_")
    ck = "Mid-client-" + rs(r, 16, AL + "-_")
    return "midtrans_server_key", f"""
Mas, tolong cek config Midtrans di Laravel ini ya. Snap token nggak pernah kebuat, error 401 "Access denied due to unauthorized transaction".

// config/midtrans.php
return [
    'merchant_id'   => 'G{digits(r, 9)}',
    'client_key'    => '{ck}',
    'server_key'    => '{M("midtrans_server_key", sk)}',
    'is_production' => true,
    'is_sanitized'  => true,
    'is_3ds'        => true,
];
"""


@tpl("payments", "en", "secret")
def pay_paymongo_en(r):
    k = "sk_live_" + rs(r, 24, AL)
    return "paymongo_secret_key", f"""
Can you check why PayMongo won't create a GCash source? The error is "api_key_invalid". This is the secret key the owner of the milk tea shop in Cebu sent me:

{M("paymongo_secret_key", k)}

I'm using it in Basic auth as base64 of the key plus a colon. Is that right or am I missing something?
"""


@tpl("payments", "tl", "secret")
def pay_gcash_merchant_login_tl(r):
    p = pw(r, "tl", syms="!@#*")
    return "password", f"""
Ate Joy, ikaw muna mag-handle ng GCash for Business habang naka-leave ako. Login details:

mobile: 0917 {digits(r, 3)} {digits(r, 4, False)}
password: {M("password", p)}

Yung OTP pupunta sa phone ko, i-text mo lang ako pag kailangan. Pwede mo bang gawing mas pormal tong message para sa group chat ng staff?
"""


@tpl("payments", "es", "secret")
def pay_culqi_es(r):
    k = "sk_live_" + rs(r, 16, AL)
    return "culqi_secret_key", f"""
Buenas, tengo una bodega online en Lima y estoy cobrando con Culqi. Al crear el cargo me sale "La llave secreta no es válida". Este es mi código en Python:

import culqi
from culqi.client import Culqi

client = Culqi(public_key="pk_live_{rs(r, 16, AL)}", private_key="{M("culqi_secret_key", k)}")
charge = client.charge.create({{
    "amount": 4990, "currency_code": "PEN",
    "email": "cliente@correo.pe", "source_id": token_id,
}})

¿Puede ser que la cuenta todavía no esté en modo producción?
"""


@tpl("payments", "tr", "secret")
def pay_iyzico_tr(r):
    ak = rs(r, 32, AL)
    sk = rs(r, 32, AL)
    return "iyzico_secret_key", f"""
Merhaba, e-ticaret sitemizde (PHP) iyzico ile ödeme alırken "Geçersiz imza" hatası alıyoruz. Ayarlar şöyle:

$options = new \\Iyzipay\\Options();
$options->setApiKey("{ak}");
$options->setSecretKey("{M("iyzico_secret_key", sk)}");
$options->setBaseUrl("https://api.iyzipay.com");

Sepet tutarı ile ürünlerin toplamı aynı olmak zorunda mı?
"""


@tpl("payments", "en", "secret")
def pay_wechatpay_v3_en(r):
    mch = digits(r, 10)
    key = rs(r, 32, AL)
    serial = rs(r, 40, UHEX)
    return "wechat_pay_api_key", f"""
Our tea shop's mini-program gets WeChat Pay callbacks but decrypting the resource throws AEADBadTagException. Config:

wechat:
  pay:
    mch-id: {mch}
    mch-serial-no: {serial}
    api-v3-key: {M("wechat_pay_api_key", key)}
    notify-url: https://shop.chayeyuan.cn/pay/notify

Could I have mixed up the APIv3 key and the APIv2 key?
"""


@tpl("payments", "zh", "secret")
def pay_alipay_private_key_zh(r):
    k = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + rs(r, 1574, B64)
    appid = "2021" + digits(r, 12)
    return "private_key", f"""
支付宝当面付下单总是返回 "isv.invalid-signature"，我用的是 Java SDK，应用私钥直接写在代码里了：

AlipayClient client = new DefaultAlipayClient(
    "https://openapi.alipay.com/gateway.do",
    "{appid}",
    "{M("private_key", k)}",
    "json", "UTF-8", ALIPAY_PUBLIC_KEY, "RSA2");

公钥已经在开放平台上传了，是不是私钥格式要 PKCS8？
"""


@tpl("payments", "ru", "secret")
def pay_yookassa_ru(r):
    sid = digits(r, 6)
    k = "live_" + rs(r, 44, AL + "-_")
    return "yookassa_secret_key", f"""
Подскажите, почему ЮKassa отвечает 401 «invalid_credentials»? Интернет-магазин чая на Django, ключ создавали вчера в личном кабинете.

from yookassa import Configuration, Payment

Configuration.account_id = "{sid}"
Configuration.secret_key = "{M("yookassa_secret_key", k)}"

payment = Payment.create({{
    "amount": {{"value": "1490.00", "currency": "RUB"}},
    "confirmation": {{"type": "redirect", "return_url": "https://chaynaya-lavka.ru/thanks"}},
    "capture": True,
}})
"""


@tpl("payments", "en", "secret")
def pay_plaid_env(r):
    cid = rs(r, 24, HEX)
    sec = rs(r, 30, HEX)
    return "plaid_secret", f"""
Bank linking works in sandbox but /link/token/create fails in production with INVALID_API_KEYS. Our budgeting app's .env.production:

PLAID_ENV=production
PLAID_CLIENT_ID={cid}
PLAID_SECRET={M("plaid_secret", sec)}
PLAID_PRODUCTS=transactions,auth
PLAID_COUNTRY_CODES=US,CA

We were approved for production last week. Anything else to enable?
"""


@tpl("payments", "en", "secret")
def pay_truelayer_token(r):
    cid = "mintbox-" + rs(r, 6, LD)
    sec = ruuid(r)
    return "truelayer_client_secret", f"""
Getting invalid_client from TrueLayer when exchanging the code for a token (UK open banking, pay-by-bank for our subscription boxes):

curl -X POST https://auth.truelayer.com/connect/token \\
  -d grant_type=authorization_code \\
  -d client_id={cid} \\
  -d client_secret={M("truelayer_client_secret", sec)} \\
  -d redirect_uri=https://mintbox.co.uk/truelayer/callback \\
  -d code=$CODE

Redirect URI is whitelisted in the console.
"""


@tpl("payments", "en", "secret")
def pay_tink_client(r):
    cid = rs(r, 32, HEX)
    sec = rs(r, 32, HEX)
    return "tink_client_secret", f"""
Can you turn this into a small Python function that fetches a Tink client token and lists the user's accounts? We're a Stockholm bookkeeping startup.

TINK_CLIENT_ID = "{cid}"
TINK_CLIENT_SECRET = "{M("tink_client_secret", sec)}"
scope: accounts:read,transactions:read
token endpoint: https://api.tink.com/api/v1/oauth/token
"""


@tpl("payments", "pt", "secret")
def pay_pagseguro_pt(r):
    tok = rs(r, 32, UHEX)
    return "pagseguro_token", f"""
Bom dia! Sou freelancer e estou migrando a loja de artesanato da Dona Célia do PagSeguro antigo para o novo checkout. Ela me mandou por e-mail:

"E-mail da conta: contato@artesanatodacelia.com.br
Token de produção: {M("pagseguro_token", tok)}"

Esse token ainda serve para a API de Pedidos (v4) ou preciso gerar outro no painel?
"""


@tpl("payments", "en", "secret")
def pay_stripe_dashboard_login(r):
    p = pw(r, "en", shape="two_words", syms="!#*&")
    return "password", f"""
Please rewrite this freelancer handover so it reads professionally:

hey so for stripe, log in at dashboard.stripe.com with finance@lumenandloom.com, pw is {M("password", p)} . 2FA goes to the shared Authy on the office iPad. Payouts are weekly on Monday, don't touch the Radar rules, Priya set them up after the chargeback mess in March.
"""


@tpl("payments", "ja", "secret")
def pay_stripe_ja_slack(r):
    k = stripe_key(r)
    return "stripe_secret_key", f"""
以下はSlackで送られてきたメッセージです。返信文を丁寧な敬語で書いてください。

「お疲れ様です。決済まわりの検証用に本番のシークレットキーを共有します。
{M("stripe_secret_key", k)}
明日の朝までに定期課金のWebhookが動くか確認お願いします！」
"""


@tpl("payments", "ko", "secret")
def pay_toss_ko(r):
    sk = "live_sk_" + rs(r, 28, AL)
    return "toss_payments_secret_key", f"""
토스페이먼츠 결제 승인 API를 호출하면 401 "UNAUTHORIZED_KEY"가 떠요. 쇼핑몰 백엔드(Spring) 코드입니다.

String secretKey = "{M("toss_payments_secret_key", sk)}";
String encoded = Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
headers.set("Authorization", "Basic " + encoded);

시크릿 키 뒤에 콜론 붙이는 거 맞죠?
"""


@tpl("payments", "th", "secret")
def pay_omise_th(r):
    sk = "skey_live_" + rs(r, 19, LD)
    return "omise_secret_key", f"""
สวัสดีครับ ร้านขายเสื้อผ้าออนไลน์ของผมใช้ Omise รับ PromptPay แต่สร้าง charge ไม่ได้ ขึ้น "authentication_failure" ครับ

require 'omise'
Omise.secret_api_key = "{M("omise_secret_key", sk)}"
charge = Omise::Charge.create(amount: 59000, currency: "thb", source: {{ type: "promptpay" }})

ต้องเปิดใช้ PromptPay ในแดชบอร์ดก่อนหรือเปล่าครับ
"""


@tpl("payments", "vi", "secret")
def pay_vnpay_vi(r):
    tmn = rs(r, 8, UD)
    hs = rs(r, 32, UD)
    return "vnpay_hash_secret", f"""
Mình tích hợp VNPAY cho shop mỹ phẩm, môi trường thật báo "Sai chữ ký" (mã 97). Cấu hình appsettings.json:

"VnPay": {{
  "TmnCode": "{tmn}",
  "HashSecret": "{M("vnpay_hash_secret", hs)}",
  "BaseUrl": "https://pay.vnpay.vn/vpcpay.html",
  "ReturnUrl": "https://myphamxinh.vn/thanh-toan/ket-qua"
}}

Có phải phải sắp xếp tham số theo alphabet trước khi băm HMAC-SHA512 không?
"""


@tpl("payments", "en", "secret")
def pay_tap_en(r):
    sk = "sk_live_" + rs(r, 24, AL)
    return "tap_secret_key", f"""
Our perfume store in Riyadh uses Tap Payments and creating a charge returns "Invalid API Key". The request:

curl -X POST https://api.tap.company/v2/charges \\
  -H "Authorization: Bearer {M("tap_secret_key", sk)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"amount": 350, "currency": "SAR", "source": {{"id": "src_all"}}, "redirect": {{"url": "https://oud-alreem.sa/return"}}}}'

Do mada and Apple Pay have to be activated in the dashboard first?
"""


@tpl("payments", "pl", "secret")
def pay_payu_pl(r):
    pos = digits(r, 6)
    cs = rs(r, 32, HEX)
    sk2 = rs(r, 32, HEX)
    return "payu_client_secret", f"""
Cześć, sklep z herbatą na WooCommerce, wtyczka PayU zwraca "ERROR_INCONSISTENT_CURRENCIES" przy płatności BLIK. Konfiguracja punktu płatności (produkcja):

Id punktu płatności (pos_id): {pos}
Drugi klucz (MD5): {M("payu_second_key", sk2)}
Protokół OAuth - client_id: {pos}
Protokół OAuth - client_secret: {M("payu_client_secret", cs)}

Czy waluta sklepu musi być PLN, jeśli sprzedajemy też do Czech?
"""


# ---------------------------------------------------------------- payments negatives
@tpl("payments", "en", "not_secret")
def pay_n_stripe_pk_frontend(r):
    pk = stripe_key(r, "pk")
    return "publishable_key", f"""
Is it safe to have this in the front-end bundle? A customer emailed us saying they "found our Stripe key" in the page source.

<script src="https://js.stripe.com/v3/"></script>
<script>
  const stripe = Stripe('{pk}');
  const elements = stripe.elements({{ clientSecret: window.__CLIENT_SECRET__ }});
  elements.create('payment').mount('#payment-element');
</script>
"""


@tpl("payments", "en", "not_secret")
def pay_n_stripe_doc_example(r):
    return "doc_example_key", """
I followed the Stripe quickstart word for word and the charge "succeeds", but nothing shows up in my dashboard. This is straight from the docs page:

curl https://api.stripe.com/v1/charges \\
  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\
  -d amount=2000 \\
  -d currency=usd \\
  -d source=tok_visa

Am I looking at the wrong account?
"""


@tpl("payments", "en", "not_secret")
def pay_n_test_cards(r):
    return "test_card", """
QA checklist for the checkout rewrite (test mode only), can you turn it into a table?

- 4242 4242 4242 4242, any future date, any CVC -> success
- 4000 0025 0000 3155 -> requires 3-D Secure authentication
- 4000 0000 0000 9995 -> declined, insufficient_funds
- 4000 0000 0000 0341 -> attaches, but charge fails
Use postcode 12345 and name "Test Customer".
"""


@tpl("payments", "sw", "not_secret")
def pay_n_daraja_sandbox_sw(r):
    return "doc_sandbox_credential", """
Naanza kujifunza Daraja API. Kwenye sandbox nimetumia shortcode 174379 na passkey ya mfano kutoka kwenye nyaraka za Safaricom:

bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919

STK push inafika kwenye simu ya majaribio, lakini callback haifiki kwenye server yangu ya localhost. Je, nahitaji ngrok?
"""


@tpl("payments", "hi", "not_secret")
def pay_n_phonepe_uat_hi(r):
    return "doc_sandbox_credential", """
मैं PhonePe PG का UAT sandbox टेस्ट कर रहा हूँ, documentation वाले test credentials से:

merchantId: PGTESTPAYUAT
saltKey: 099eb0cd-02cf-4e2a-8aca-3e6c6aff0399
saltIndex: 1

payment page खुलता है पर redirect के बाद status API "PAYMENT_PENDING" देता रहता है। कितनी देर बाद दोबारा check करना चाहिए?
"""


@tpl("payments", "id", "not_secret")
def pay_n_midtrans_clientkey_id(r):
    ck = "Mid-client-" + rs(r, 16, AL + "-_")
    return "public_client_key", f"""
Di halaman checkout saya pasang Snap.js seperti ini. Teman saya bilang berbahaya karena "key-nya kelihatan di browser". Benar nggak?

<script src="https://app.midtrans.com/snap/snap.js" data-client-key="{ck}"></script>
<script>
  document.getElementById('bayar').onclick = () => window.snap.pay(snapToken);
</script>

Server key-nya cuma ada di backend, lewat environment variable.
"""


@tpl("payments", "en", "not_secret")
def pay_n_stripe_masked_list(r):
    rows = "\n".join("%-22s sk_live_...%s   %s" % (n, rs(r, 4, AL), d) for n, d in
                     [("Standard key", "Created 12 Jan 2023"), ("Zapier", "Created 3 May 2024"), ("Shipping app", "Created 18 Aug 2024")])
    return "masked_key", f"""
Copied from the API keys page in Stripe. Which of these should I roll after our former contractor left?

{rows}

He only ever had access to the Zapier one as far as I know.
"""


@tpl("payments", "es", "not_secret")
def pay_n_mercadopago_env_es(r):
    return "secret_reference", """
¿Está bien así? Es el backend de una tienda de yerba mate en Argentina. No quiero que el token quede en el repositorio.

import { MercadoPagoConfig, Preference } from 'mercadopago';

const client = new MercadoPagoConfig({ accessToken: process.env.MP_ACCESS_TOKEN });
const preference = new Preference(client);

En Vercel cargué MP_ACCESS_TOKEN como variable de entorno de producción.
"""


@tpl("payments", "pt", "not_secret")
def pay_n_mercadopago_public_pt(r):
    pk = "APP_USR-" + ruuid(r)
    return "public_client_key", f"""
O Bricks do Mercado Pago pede a public key no front. Posso deixar no HTML mesmo?

const mp = new MercadoPago('{pk}', {{ locale: 'pt-BR' }});
const bricksBuilder = mp.bricks();
bricksBuilder.create('cardPayment', 'cardPaymentBrick_container', settings);

O access token fica só no servidor.
"""


@tpl("payments", "en", "not_secret")
def pay_n_paypal_client_id(r):
    cid = "A" + rs(r, 79, AL + "-_")
    return "identifier", f"""
The PayPal button doesn't render on Safari, only on Chrome. Here's the SDK tag on the product page:

<script src="https://www.paypal.com/sdk/js?client-id={cid}&currency=EUR&intent=capture&components=buttons,funding-eligibility"></script>

Console says "paypal is not defined". Is the script blocked by our CSP?
"""


@tpl("payments", "de", "not_secret")
def pay_n_adyen_clientkey_de(r):
    ck = "live_" + rs(r, 32, UD)
    return "public_client_key", f"""
Die Adyen Drop-in-Komponente zeigt bei uns nur "Kreditkarte", aber kein PayPal und kein Klarna. Frontend-Konfiguration:

const configuration = {{
  environment: 'live',
  clientKey: '{ck}',
  locale: 'de-DE',
  countryCode: 'DE',
  session: {{ id: sessionId, sessionData }},
}};

Laut Doku ist der Client Key öffentlich, den API-Key haben wir nur im Backend. Müssen die Zahlarten im Customer Area aktiviert werden?
"""


@tpl("payments", "tr", "not_secret")
def pay_n_iyzico_placeholder_tr(r):
    return "placeholder", """
Müşterim için bir kurulum rehberi yazıyorum, bu adımı daha anlaşılır hale getirebilir misin?

3. adım: config.php dosyasını açın ve aşağıdaki satırları kendi bilgilerinizle değiştirin:

$options->setApiKey("BURAYA_API_ANAHTARINIZ");
$options->setSecretKey("BURAYA_GIZLI_ANAHTARINIZ");

Anahtarları iyzico panelinde Ayarlar > Firma Ayarları bölümünde bulabilirsiniz.
"""


@tpl("payments", "zh", "not_secret")
def pay_n_wechat_ids_zh(r):
    mch = digits(r, 10)
    appid = "wx" + rs(r, 16, HEX)
    serial = rs(r, 40, UHEX)
    return "identifier", f"""
运营同事问我这些信息能不能发给第三方的小程序开发公司，帮我写一段解释：

小程序 AppID：{appid}
商户号：{mch}
商户API证书序列号：{serial}

APIv3 密钥和商户私钥我们不会发，只在服务器上配置。
"""


@tpl("payments", "ru", "not_secret")
def pay_n_yookassa_redacted_ru(r):
    sid = digits(r, 6)
    return "redacted", f"""
Логи из продакшена, ключ я заменил звёздочками. Почему вебхук приходит дважды?

[2024-06-11 09:14:02] yookassa.client: POST /v3/payments shop_id={sid} secret_key=live_****************************************
[2024-06-11 09:14:03] yookassa.client: 200 OK payment_id=2e0f3a1c-000f-5000-9000-1b7c4d2b8a11 status=pending
[2024-06-11 09:14:41] webhook: payment.succeeded 2e0f3a1c-000f-5000-9000-1b7c4d2b8a11
[2024-06-11 09:14:42] webhook: payment.succeeded 2e0f3a1c-000f-5000-9000-1b7c4d2b8a11
"""


@tpl("payments", "en", "not_secret")
def pay_n_paystack_settlement_account(r):
    acct = digits(r, 10, False)
    return "account_number", f"""
Can you draft a short message to our Paystack account manager? We want settlements moved to our new business account:

Bank: Guaranty Trust Bank
Account name: Adire Lagos Ventures Ltd
Account number (NUBAN): {acct}
Current settlement schedule: T+1

We'd like this effective from next Monday.
"""


@tpl("payments", "sw", "not_secret")
def pay_n_flutterwave_oob_sw(r):
    return "out_of_band_notice", """
Tafadhali niandikie ujumbe mfupi na wa heshima kwa developer wetu mpya:

"Karibu kwenye timu! Akaunti yako ya Flutterwave imeundwa kama 'Developer'. Secret key ya production sitaiweka hapa kwenye email, nitakupigia simu kesho saa nne asubuhi na kukupa kupitia Bitwarden. Tafadhali usiiweke kwenye GitHub."
"""


@tpl("payments", "en", "not_secret")
def pay_n_braintree_rotated(r):
    return "rotation_notice", """
Please tidy this up for the #ops channel:

braintree prod keys got rotated this morning after the laptop theft. old private key is revoked in the control panel. new public/private pair is in 1Password under "Braintree - Production (2024-06)". redeploy both api and worker pods, nothing else to change. ping me if the nightly settlement job fails.
"""


@tpl("payments", "ja", "not_secret")
def pay_n_stripe_env_ja(r):
    return "secret_reference", """
このRubyのコードで本番キーを安全に読み込めていますか？Herokuで動かしているECサイトです。

Stripe.api_key = ENV.fetch("STRIPE_SECRET_KEY")
Stripe.max_network_retries = 2

endpoint_secret = Rails.application.credentials.dig(:stripe, :webhook_secret)

キー自体はHerokuの Config Vars と credentials.yml.enc にだけ入れています。
"""


@tpl("payments", "ko", "not_secret")
def pay_n_toss_clientkey_ko(r):
    ck = "live_ck_" + rs(r, 28, AL)
    return "public_client_key", f"""
결제위젯을 띄우는 프론트엔드 코드인데, 클라이언트 키가 브라우저에 노출돼도 괜찮은 건가요?

const tossPayments = TossPayments("{ck}");
const widgets = tossPayments.widgets({{ customerKey: "ANONYMOUS" }});
await widgets.renderPaymentMethods({{ selector: "#payment-method" }});

시크릿 키는 서버에서만 쓰고 있습니다.
"""


@tpl("payments", "th", "not_secret")
def pay_n_omise_pkey_th(r):
    pk = "pkey_live_" + rs(r, 19, LD)
    return "public_client_key", f"""
ช่วยอธิบายให้เจ้าของร้านเข้าใจหน่อยครับ ว่าทำไม public key ของ Omise ถึงอยู่ในหน้าเว็บได้โดยไม่อันตราย

<script src="https://cdn.omise.co/omise.js"></script>
<script>Omise.setPublicKey("{pk}");</script>

ส่วน secret key เราเก็บไว้ในเซิร์ฟเวอร์เท่านั้น
"""


@tpl("payments", "pl", "not_secret")
def pay_n_przelewy24_ids_pl(r):
    mid = digits(r, 6)
    return "identifier", f"""
Klient pyta, czy może wysłać te dane do firmy kurierskiej, która integruje płatność za pobraniem. Pomóż mi odpowiedzieć:

Przelewy24
ID sprzedawcy: {mid}
ID sklepu (POS): {mid}
Numer zamówienia testowego: P24-{rs(r, 3, UP)}-{digits(r, 3)}-{digits(r, 3)}

Klucz do CRC i klucz API zostają u nas i nie będą nikomu przekazywane.
"""


@tpl("payments", "hi", "not_secret")
def pay_n_razorpay_signature_hi(r):
    oid = "order_" + rs(r, 14, AL)
    pid = "pay_" + rs(r, 14, AL)
    sig = rs(r, 64, HEX)
    return "signature", f"""
Razorpay checkout के इस response का signature check fail हो रहा है। मैं env में रखे key secret से order_id + "|" + payment_id का HMAC-SHA256 बनाता हूँ:

{{
  "razorpay_payment_id": "{pid}",
  "razorpay_order_id": "{oid}",
  "razorpay_signature": "{sig}"
}}

क्या response वाले order id की जगह अपने database वाला order id लेना चाहिए?
"""


@tpl("payments", "vi", "not_secret")
def pay_n_vnpay_placeholder_vi(r):
    return "placeholder", """
Viết giúp mình phần hướng dẫn cài đặt trong README cho plugin VNPAY, ngắn gọn dễ hiểu:

Mở file .env và điền:
VNPAY_TMN_CODE=<ma_website_cua_ban>
VNPAY_HASH_SECRET=<chuoi_bi_mat_tao_checksum>
VNPAY_URL=https://sandbox.vnpayment.vn/paymentv2/vpcpay.html

Thông tin lấy trong email VNPAY gửi khi đăng ký merchant.
"""


@tpl("payments", "ar", "not_secret")
def pay_n_tap_publishable_ar(r):
    pk = "pk_live_" + rs(r, 24, AL)
    return "publishable_key", f"""
هل من الآمن وضع هذا المفتاح في كود الواجهة الأمامية لمتجري؟ هكذا تقول وثائق Tap:

const tap = Tapjsli('{pk}');
const elements = tap.elements({{}});
const card = elements.create('card', {{ style }});
card.mount('#element-container');

المفتاح السري موجود فقط على الخادم.
"""


@tpl("payments", "en", "not_secret")
def pay_n_braintree_test_nonce(r):
    return "dummy_value", """
Our RSpec suite for the checkout service passes locally but fails on CI with "Unknown or expired payment_method_nonce". Spec:

it "charges the customer" do
  result = gateway.transaction.sale(
    amount: "10.00",
    payment_method_nonce: "fake-valid-nonce",
    options: { submit_for_settlement: true }
  )
  expect(result).to be_success
end

CI uses the same sandbox merchant account.
"""


@tpl("payments", "es", "not_secret")
def pay_n_culqi_empty_es(r):
    return "empty_value", """
El despliegue en Render falla con "CULQI_SECRET_KEY is required". Mi .env.example es este:

CULQI_PUBLIC_KEY=
CULQI_SECRET_KEY=
CULQI_RSA_ID=
CULQI_RSA_PUBLIC_KEY=

¿Tengo que crear las variables a mano en el panel de Render o las toma del .env.example?
"""


@tpl("payments", "en", "not_secret")
def pay_n_plaid_sandbox_user(r):
    return "doc_sandbox_credential", """
In Plaid Link sandbox I pick "First Platypus Bank" and type the test login from the docs (user_good / pass_good), then it asks for an MFA code and I'm stuck. What do I enter there? This is for a demo of our expense app on Friday.
"""


# ================================================================ shop
@tpl("shop", "en", "secret")
def shop_shopify_admin_token(r):
    tok = "shpat_" + rs(r, 32, HEX)
    return "shopify_access_token", f"""
I'm bulk-updating inventory from our warehouse spreadsheet. This Python script worked last week, now every call gives 401. Did Shopify change something?

import requests

SHOP = "harbor-candle-co.myshopify.com"
TOKEN = "{M("shopify_access_token", tok)}"

resp = requests.post(
    f"https://{{SHOP}}/admin/api/2024-04/graphql.json",
    headers={{"X-Shopify-Access-Token": TOKEN, "Content-Type": "application/json"}},
    json={{"query": MUTATION, "variables": variables}},
)
"""


@tpl("shop", "en", "secret")
def shop_shopify_app_secret(r):
    key = rs(r, 32, HEX)
    sec = "shpss_" + rs(r, 32, HEX)
    return "shopify_app_secret", f"""
Building a custom app for a client's store (Remix template). OAuth install fails with "HMAC validation failed". My .env:

SHOPIFY_API_KEY={key}
SHOPIFY_API_SECRET={M("shopify_app_secret", sec)}
SCOPES=read_products,write_orders,read_customers
HOST=https://bramble-tea-app.fly.dev
"""


@tpl("shop", "en", "secret")
def shop_woo_rest_keys(r):
    ck = "ck_" + rs(r, 40, HEX)
    cs = "cs_" + rs(r, 40, HEX)
    return "woocommerce_consumer_secret", f"""
Why does this give "woocommerce_rest_cannot_view" (401)? Pulling orders into our fulfilment sheet:

curl https://pawsandclaws.shop/wp-json/wc/v3/orders?status=processing \\
  -u {M("woocommerce_consumer_key", ck)}:{M("woocommerce_consumer_secret", cs)}

The key was generated with Read permissions for the admin user. Site is behind Cloudflare.
"""


@tpl("shop", "pt", "secret")
def shop_woo_wpadmin_pt(r):
    p = pw(r, "pt", syms="!@#*")
    return "password", f"""
Pode me ajudar a escrever uma mensagem para a cliente explicando que vou atualizar os plugins da loja dela no fim de semana? Pra contexto, ela me passou isso no WhatsApp:

"Oi Rafa! O acesso do painel é lojadaju.com.br/wp-admin, usuário juliana.vendas e senha {M("password", p)} . Qualquer coisa me chama 😘"
"""


@tpl("shop", "en", "secret")
def shop_magento_env_php(r):
    dbp = pw(r, "en", syms="!#%*-_+", shape="random")
    crypt = rs(r, 32, HEX)
    return "password", f"""
Magento 2.4.6, after moving servers I get "SQLSTATE[HY000] [1045] Access denied for user 'mage_prod'@'localhost'". Here is app/etc/env.php (relevant part):

'crypt' => [
    'key' => '{M("encryption_key", crypt)}'
],
'db' => [
    'table_prefix' => '',
    'connection' => [
        'default' => [
            'host' => 'localhost',
            'dbname' => 'magento_prod',
            'username' => 'mage_prod',
            'password' => '{M("password", dbp)}',
            'active' => '1',
        ]
    ]
],
"""


@tpl("shop", "en", "secret")
def shop_magento_integration_token(r):
    tok = rs(r, 32, LD)
    return "magento_access_token", f"""
Our ERP connector pulls orders from Magento via REST. Since the 2.4.4 upgrade we get "The consumer isn't authorized to access %resources." Request from the connector log:

GET /rest/V1/orders?searchCriteria[pageSize]=50 HTTP/1.1
Host: www.alpine-outfitters.ch
Authorization: Bearer {M("magento_access_token", tok)}
Accept: application/json

The integration is active and has access to Sales > Operations > Orders.
"""


@tpl("shop", "en", "secret")
def shop_bigcommerce_token(r):
    sh = rs(r, 10, LD)
    tok = rs(r, 31, LD)
    return "bigcommerce_access_token", f"""
Can you convert this curl into a Node fetch call with retries on 429? It updates product prices on our BigCommerce store.

curl -X PUT "https://api.bigcommerce.com/stores/{sh}/v3/catalog/products/1184" \\
  -H "X-Auth-Token: {M("bigcommerce_access_token", tok)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"price": 24.99, "sale_price": 19.99}}'
"""


@tpl("shop", "en", "secret")
def shop_amazon_spapi(r):
    cid = "amzn1.application-oa2-client." + rs(r, 32, HEX)
    cs = "amzn1.oa2-cs.v1." + rs(r, 64, HEX)
    rt = "Atzr|IwEBI" + rs(r, 300, AL + "-_")
    return "amazon_lwa_refresh_token", f"""
python-amazon-sp-api throws "SellingApiForbiddenException: Access to requested resource is denied" when I call get_orders. credentials dict:

credentials = dict(
    refresh_token="{M("amazon_lwa_refresh_token", rt)}",
    lwa_app_id="{cid}",
    lwa_client_secret="{M("amazon_lwa_client_secret", cs)}",
)
orders = Orders(credentials=credentials, marketplace=Marketplaces.DE).get_orders(CreatedAfter="2024-06-01")

The app is self-authorised in Seller Central for our EU account.
"""


@tpl("shop", "en", "secret")
def shop_ebay_cert_id(r):
    app = "GreenLea-Inventor-PRD-%s-%s" % (rs(r, 9, HEX), rs(r, 8, HEX))
    cert = "PRD-%s-%s-%s-%s-%s" % (rs(r, 12, HEX), rs(r, 4, HEX), rs(r, 4, HEX), rs(r, 4, HEX), rs(r, 4, HEX))
    return "ebay_client_secret", f"""
Keysets from developer.ebay.com for our inventory sync (production). Which one goes where in the ebay-oauth-python-client YAML?

App ID (Client ID): {app}
Dev ID: {ruuid(r)}
Cert ID (Client Secret): {M("ebay_client_secret", cert)}
RuName: Green_Leaf_Sto-GreenLea-Invent-{rs(r, 5, LD)}
"""


@tpl("shop", "en", "secret")
def shop_etsy_keys(r):
    ks = rs(r, 24, LD)
    ss = rs(r, 10, LD)
    return "etsy_shared_secret", f"""
I make ceramics and sell on Etsy. My nephew wrote a script to export my orders but he's away. The app page says:

Keystring: {ks}
Shared secret: {M("etsy_shared_secret", ss)}

The script says "invalid_client". Which of these is the client_id for the OAuth step, and do I need the secret at all with PKCE?
"""


@tpl("shop", "vi", "secret")
def shop_shopee_partner_key_vi(r):
    pid = digits(r, 7)
    key = rs(r, 64, HEX)
    return "shopee_partner_key", f"""
Mình đang viết tool đồng bộ tồn kho Shopee cho shop giày. Gọi API get_item_list toàn báo "error_sign". Đoạn tạo chữ ký:

partner_id = {pid}
partner_key = "{M("shopee_partner_key", key)}"
path = "/api/v2/product/get_item_list"
base = f"{{partner_id}}{{path}}{{timestamp}}{{access_token}}{{shop_id}}"
sign = hmac.new(partner_key.encode(), base.encode(), hashlib.sha256).hexdigest()

Thứ tự ghép chuỗi như vậy đúng chưa?
"""


@tpl("shop", "en", "secret")
def shop_lazada_app_secret_en(r):
    ak = digits(r, 6)
    sec = rs(r, 32, AL)
    return "lazada_app_secret", f"""
Could you check this PHP call to Lazada Open Platform? Our Bangkok cosmetics store gets "IncompleteSignature" every time.

$c = new LazopClient('https://api.lazada.co.th/rest', '{ak}', '{M("lazada_app_secret", sec)}');
$request = new LazopRequest('/orders/get', 'GET');
$request->addApiParam('created_after', '2024-06-01T00:00:00+07:00');
var_dump($c->execute($request, $accessToken));
"""


@tpl("shop", "id", "secret")
def shop_tokopedia_seller_login_id(r):
    p = pw(r, "id", syms="!@#.")
    return "password", f"""
Tolong rapikan catatan serah terima ini untuk admin toko yang baru ya:

Akun Tokopedia Seller (Toko Batik Sekar)
email: admin.batiksekar@gmail.com
kata sandi: {M("password", p)}
OTP masuk ke HP Bu Sekar, jadi kabari beliau dulu sebelum login.
Jam balas chat pembeli: 08.00-21.00, jangan lupa aktifkan auto-reply kalau libur.
"""


@tpl("shop", "ar", "secret")
def shop_jumia_vendor_ar(r):
    p = pw(r, "ar", syms="!@#$")
    return "password", f"""
أريد رسالة رسمية قصيرة لموظفة جديدة في متجرنا على جوميا مصر. هذه الملاحظات:

- رابط مركز البائعين: vendorcenter.jumia.com.eg
- البريد: sales@nile-home.eg
- كلمة المرور: {M("password", p)}
- تحديث المخزون يومياً قبل الساعة 11 صباحاً
- الطلبات المرتجعة تُسجل في الشيت المشترك
"""


@tpl("shop", "en", "secret")
def shop_allegro_client_en(r):
    cid = rs(r, 32, HEX)
    sec = rs(r, 64, AL)
    return "allegro_client_secret", f"""
I'm connecting a Polish client's warehouse system to the Allegro REST API (device flow). Exchanging the code for a token gives 401 "Unauthorized". App details from apps.developer.allegro.pl:

Client ID: {cid}
Client Secret: {M("allegro_client_secret", sec)}

Should the Authorization header be Basic base64(client_id:client_secret)?
"""


@tpl("shop", "es", "secret")
def shop_sftp_feed_es(r):
    p = pw(r, "es", syms="-_.~", ascii_only=True)
    return "password", f"""
El proveedor de dropshipping nos actualiza el catálogo por SFTP cada noche y desde ayer el cron falla. Este es el script:

#!/bin/bash
lftp -u catalogo_tienda,{M("password", p)} sftp://feeds.distribuidoramaya.mx <<EOF
get /export/productos_diario.csv -o /var/www/tienda/import/productos.csv
bye
EOF

El error dice "Login failed: 530". ¿Puede ser por la coma en el usuario?
"""


@tpl("shop", "ru", "secret")
def shop_woo_db_ru(r):
    p = pw(r, "ru", syms="!%*-_", ascii_only=True)
    return "password", f"""
После переноса интернет-магазина (WooCommerce) на новый хостинг — «Ошибка установки соединения с базой данных». Вот wp-config.php:

define( 'DB_NAME', 'shop_woo' );
define( 'DB_USER', 'shop_woo_user' );
define( 'DB_PASSWORD', '{M("password", p)}' );
define( 'DB_HOST', 'localhost' );
define( 'DB_CHARSET', 'utf8mb4' );

Пользователь в phpMyAdmin создан, права выданы. Что ещё проверить?
"""


@tpl("shop", "en", "secret")
def shop_amazon_seller_central_handover(r):
    p = pw(r, "en", syms="!#$&", shape="word_digits_sym")
    codes = ["%s %s" % (rs(r, 4, LD), rs(r, 4, LD)) for _ in range(3)]
    return "password", f"""
Turn this into a clean handover doc for the VA who starts Monday:

AMAZON SELLER CENTRAL (US + CA)
login: ops@copperkettlegoods.com / {M("password", p)}
2-step backup codes (use only if my phone is off):
{M("recovery_code", codes[0])}
{M("recovery_code", codes[1])}
{M("recovery_code", codes[2])}
daily: check Account Health, answer buyer messages within 24h, download the FBA inventory report.
"""


# ---------------------------------------------------------------- shop negatives
@tpl("shop", "en", "not_secret")
def shop_n_storefront_token(r):
    tok = rs(r, 32, HEX)
    return "public_client_key", f"""
Hydrogen storefront, products load but the cart mutation returns "ACCESS_DENIED". Env on Oxygen:

PUBLIC_STOREFRONT_API_TOKEN={tok}
PUBLIC_STORE_DOMAIN=harbor-candle-co.myshopify.com
PUBLIC_STOREFRONT_API_VERSION=2024-04

This is the public Storefront token that ships to the browser, so I didn't treat it as secret. Do I need the private token for cart?
"""


@tpl("shop", "en", "not_secret")
def shop_n_shopify_gids(r):
    oid = digits(r, 13)
    return "identifier", f"""
Write me a GraphQL query that gets the fulfillment status for this order and its line items:

order: gid://shopify/Order/{oid}
line item: gid://shopify/LineItem/{digits(r, 14)}
location: gid://shopify/Location/{digits(r, 11)}
shop: harbor-candle-co.myshopify.com
"""


@tpl("shop", "en", "not_secret")
def shop_n_woo_masked(r):
    return "masked_key", f"""
WooCommerce > Settings > Advanced > REST API shows these keys. One of them belongs to an old Zapier integration we don't use anymore. Which one is safe to revoke?

Description        User     Consumer key ending in   Permissions   Last access
Zapier orders      admin    …{rs(r, 7, HEX)}                 Read          2023-02-11
ShipStation        admin    …{rs(r, 7, HEX)}                 Read/Write    2024-06-10
Accounting sync    eva      …{rs(r, 7, HEX)}                 Read          2024-06-11
"""


@tpl("shop", "de", "not_secret")
def shop_n_magento_placeholder_de(r):
    return "placeholder", """
Ich schreibe eine Installationsanleitung für unsere Magento-Agentur. Kannst du den Abschnitt verständlicher machen?

Passe danach die Datei app/etc/env.php an:

'db' => [
    'connection' => [
        'default' => [
            'host' => '<DB_HOST>',
            'dbname' => '<DB_NAME>',
            'username' => '<DB_BENUTZER>',
            'password' => '<DB_PASSWORT_HIER_EINTRAGEN>',
        ]
    ]
],

Den Crypt-Key erzeugt setup:install automatisch, der darf nie von Hand geändert werden.
"""


@tpl("shop", "zh", "not_secret")
def shop_n_spapi_ids_zh(r):
    return "identifier", f"""
亚马逊技术支持让我提供"应用信息"来升级 SP-API 的工单。下面这些发过去安全吗？

Application ID: amzn1.sp.solution.{ruuid(r)}
LWA client identifier: amzn1.application-oa2-client.{rs(r, 32, HEX)}
卖家编号 (Merchant Token): A{rs(r, 13, UD)}
站点: A1PA6795UKMFR9 (德国站)
工单号: {digits(r, 11)}
"""


@tpl("shop", "en", "not_secret")
def shop_n_ebay_env_refs(r):
    return "secret_reference", """
Code review please: is this a reasonable way to handle eBay credentials in our Go service?

cfg := ebay.Config{
    AppID:   os.Getenv("EBAY_APP_ID"),
    CertID:  mustSecret(ctx, "projects/greenleaf/secrets/ebay-cert-id/versions/latest"),
    RuName:  os.Getenv("EBAY_RUNAME"),
    Sandbox: false,
}

mustSecret reads from Google Secret Manager and panics if the secret is missing.
"""


@tpl("shop", "id", "not_secret")
def shop_n_shopee_order_sn_id(r):
    return "order_id", f"""
Tolong buatkan template balasan untuk pembeli yang komplain paketnya belum sampai. Datanya:

No. pesanan Shopee: {digits(r, 6)}{rs(r, 8, UD)}
No. resi: SPXID0{digits(r, 11)}
Kurir: SPX Express
Tanggal kirim: 5 Juni 2024

Pembelinya dari Makassar, pesan 2 kemeja batik.
"""


@tpl("shop", "tl", "not_secret")
def shop_n_lazada_policy_tl(r):
    return "password_policy", """
Paki-translate sa simpleng Tagalog para sa mga staff namin ang bagong patakaran sa Lazada Seller Center:

- Password must be at least 12 characters with upper and lower case letters, a number and a symbol.
- Do not reuse any of your last 5 passwords.
- Sub-accounts must enable 2-step verification by 30 June.
- Never share your login in group chats; ask the owner to create a sub-account instead.
"""


@tpl("shop", "pl", "not_secret")
def shop_n_allegro_reset_pl(r):
    return "reset_notice", """
Dostałam takiego maila, czy to phishing? Nie prosiłam o zmianę hasła.

"Allegro: Zmiana hasła do konta
Otrzymaliśmy prośbę o zmianę hasła do Twojego konta HandmadeKasia. Jeśli to Ty, kliknij przycisk poniżej w ciągu 24 godzin. Jeśli to nie Ty, zignoruj tę wiadomość — Twoje hasło pozostanie bez zmian."

Link prowadzi do allegro-konto-pomoc.com.
"""


@tpl("shop", "sw", "not_secret")
def shop_n_jumia_username_sw(r):
    return "username", """
Naomba unisaidie kuandika barua pepe kwa Jumia Kenya. Tumesahau nenosiri la akaunti ya muuzaji na kitufe cha "Forgot password" hakitumi email.

Jina la duka: Kanga na Kitenge Collections
Barua pepe ya akaunti: mauzo@kangakitenge.co.ke
Namba ya simu iliyosajiliwa: 0722 418 330
Tafadhali waombe watume kiungo cha kubadilisha nenosiri.
"""


@tpl("shop", "tr", "not_secret")
def shop_n_wp_hash_tr(r):
    h = "$P$B" + rs(r, 30, AL + "./")
    return "password_hash", f"""
WooCommerce mağazamızın veritabanında wp_users tablosuna baktım, admin kullanıcısının şifresi böyle görünüyor:

user_login: magaza_admin
user_pass: {h}

Bu şifre çözülebilir mi? Yoksa phpMyAdmin'den yeni bir şifre mi atamalıyım?
"""


@tpl("shop", "es", "not_secret")
def shop_n_sku_ean_es(r):
    rows = "\n".join("%s;%s;%s" % ("CAM-%s-%s" % (c, t), digits(r, 13), p) for c, t, p in
                     [("AZU", "M", "24,90"), ("AZU", "L", "24,90"), ("NEG", "M", "26,50")])
    return "identifier", f"""
Convierte este CSV del catálogo a formato de Google Merchant Center, por favor:

sku;ean;precio
{rows}
"""


@tpl("shop", "en", "not_secret")
def shop_n_bigcommerce_hash(r):
    sh = rs(r, 10, LD)
    return "identifier", f"""
BigCommerce support asked for our store hash and the API account name to look into missing webhooks. I don't want to leak anything: is the store hash sensitive?

Store hash: {sh}
API path: https://api.bigcommerce.com/stores/{sh}/v3/
API account name: "Klaviyo sync"
Client ID: {rs(r, 31, LD)}

(The access token and client secret are in our vault, I'm not sending those.)
"""


@tpl("shop", "vi", "not_secret")
def shop_n_tiki_oob_vi(r):
    return "out_of_band_notice", """
Viết lại tin nhắn này cho lịch sự hơn, gửi cho bạn cộng tác viên mới:

"em ơi tài khoản Lazada Seller Center của shop chị đã tạo tài khoản phụ cho em rồi nhé, mật khẩu chị gửi riêng qua Zalo, em đăng nhập xong thì đổi mật khẩu luôn. Nhớ không đăng nhập trên máy tính ở quán net."
"""


# ================================================================ ads
def meta_token(r):
    return "EAA" + r.choice("BGIJ") + rs(r, 180, AL)


@tpl("ads", "en", "secret")
def ads_google_ads_yaml(r):
    dev = rs(r, 22, AL + "-_")
    cid = "%s-%s.apps.googleusercontent.com" % (digits(r, 12), rs(r, 32, LD))
    cs = "GOCSPX-" + rs(r, 28, AL + "-_")
    rt = "1//0" + rs(r, 99, AL + "-_")
    return "google_ads_developer_token", f"""
Our agency's reporting script stopped working: "USER_PERMISSION_DENIED". Here's google-ads.yaml, the login_customer_id is our MCC:

developer_token: {M("google_ads_developer_token", dev)}
client_id: {cid}
client_secret: {M("google_oauth_client_secret", cs)}
refresh_token: {M("google_oauth_refresh_token", rt)}
login_customer_id: {digits(r, 10)}
use_proto_plus: True

The client account was linked to the MCC last week. Do I need a new refresh token?
"""


@tpl("ads", "en", "secret")
def ads_meta_capi_curl(r):
    tok = meta_token(r)
    pix = digits(r, 15)
    return "facebook_access_token", f"""
Conversions API test event isn't showing in Events Manager. This is what our Shopify middleware sends:

curl -X POST "https://graph.facebook.com/v19.0/{pix}/events?access_token={M("facebook_access_token", tok)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"data":[{{"event_name":"Purchase","event_time":1718092800,"action_source":"website","user_data":{{"em":["7b17fb0bd173f625b58636fb796407c22b3d16fc78302d79f0fd30c2fc2fc068"]}},"custom_data":{{"currency":"EUR","value":59.0}}}}],"test_event_code":"TEST41807"}}'
"""


@tpl("ads", "en", "secret")
def ads_meta_system_user_en(r):
    tok = meta_token(r)
    sec = rs(r, 32, HEX)
    return "facebook_access_token", f"""
This script exports our ad report to a spreadsheet every morning and now fails with "(#200) Provide valid app ID". What's wrong?

from facebook_business.api import FacebookAdsApi

FacebookAdsApi.init(
    app_id="{digits(r, 16)}",
    app_secret="{M("facebook_app_secret", sec)}",
    access_token="{M("facebook_access_token", tok)}",
)
account = AdAccount("act_{digits(r, 15)}")
"""


@tpl("ads", "en", "secret")
def ads_instagram_feed_embed(r):
    tok = "IGQWR" + rs(r, 180, AL + "-_")
    return "instagram_access_token", f"""
The Instagram feed on our bakery's Webflow site went blank. The embed a freelancer left us:

<div id="insta-feed"></div>
<script>
fetch("https://graph.instagram.com/me/media?fields=id,caption,media_url,permalink&access_token={M("instagram_access_token", tok)}")
  .then(r => r.json())
  .then(d => renderFeed(d.data));
</script>

Does the token expire? How do we refresh it without paying for a plugin?
"""


@tpl("ads", "ko", "secret")
def ads_tiktok_ko(r):
    tok = rs(r, 40, HEX)
    return "tiktok_access_token", f"""
틱톡 광고 리포트를 자동으로 받아오려고 하는데 "Access token is invalid or expired"(40105)가 나옵니다.

curl -G "https://business-api.tiktok.com/open_api/v1.3/report/integrated/get/" \\
  -H "Access-Token: {M("tiktok_access_token", tok)}" \\
  --data-urlencode 'advertiser_id={digits(r, 19)}' \\
  --data-urlencode 'report_type=BASIC' \\
  --data-urlencode 'dimensions=["campaign_id","stat_time_day"]'

토큰은 대행사 계정에서 발급받았어요.
"""


@tpl("ads", "de", "secret")
def ads_linkedin_de(r):
    cid = rs(r, 14, LD)
    sec = "WPL_AP1." + rs(r, 16, AL) + "." + rs(r, 8, AL) + "=="
    return "linkedin_client_secret", f"""
Wir wollen Leads aus LinkedIn Lead Gen Forms automatisch ins CRM übernehmen. Beim Token-Abruf kommt "invalid_client_id". Die App-Daten aus dem Developer Portal:

Client ID: {cid}
Primary Client Secret: {M("linkedin_client_secret", sec)}
Redirect URL: https://crm.beispiel-agentur.de/oauth/linkedin

Brauchen wir für r_marketing_leadgen_automation eine extra Freigabe?
"""


@tpl("ads", "pt", "secret")
def ads_google_ads_login_pt(r):
    p = pw(r, "pt", syms="!@#$")
    return "password", f"""
Me ajuda a responder o cliente de forma educada, explicando que ele não deveria mandar a senha assim? A mensagem dele:

"Fala, Thiago! Segue o acesso do Google Ads da clínica pra vocês olharem as campanhas: marketing.clinicasorriso@gmail.com / senha {M("password", p)} . Se pedir código é só me chamar no zap."
"""


@tpl("ads", "en", "secret")
def ads_tiktok_logins_csv(r):
    ps = [pw(r, "en", syms="!#*-_", shape=s) for s in ("word_digits_sym", "brand", "random")]
    return "password", f"""
Can you turn this CSV of client ad accounts into a markdown table grouped by platform? (Internal agency doc.)

client,platform,login,password,notes
Bramble Tea,TikTok Ads,ads@brambletea.co,{M("password", ps[0])},BC owner is client
Lumen Candles,TikTok Ads,marketing@lumencandles.com,{M("password", ps[1])},2FA on Sam's phone
Northside Gym,Snapchat Ads,hello@northsidegym.uk,{M("password", ps[2])},pixel not verified yet
"""


@tpl("ads", "ru", "secret")
def ads_yandex_direct_ru(r):
    p = pw(r, "ru", syms="!#%*")
    return "password", f"""
Перепиши, пожалуйста, это сообщение для нового таргетолога более структурированно:

привет! доступ к Директу и Метрике клиента (стоматология на Мира): логин direct-smile-clinic, пароль {M("password", p)} . ставки не трогай до понедельника, минус-слова в общей таблице. отчёт по лидам каждую пятницу
"""


@tpl("ads", "zh", "secret")
def ads_google_ads_crossborder_zh(r):
    p = pw(r, "zh", syms="@#.")
    return "password", f"""
帮我把下面的交接内容整理成表格，发给新来的投手：

1. 谷歌广告账户：ads.homedeco.global@gmail.com 密码 {M("password", p)}（登录要手机验证，找 Lisa）
2. 每日预算 300 美元，重点推欧洲站的窗帘和地毯
3. 否定关键词表在共享盘"投放/否词.xlsx"
"""


@tpl("ads", "ar", "secret")
def ads_snap_capi_ar(r):
    tok = jwt(r, {"iss": "snap-conversions", "sub": ruuid(r), "iat": 1717200000, "aud": "canvas-api"})
    return "snapchat_capi_token", f"""
نحن وكالة تسويق في جدة، ونريد إرسال أحداث الشراء من متجر عميلنا إلى Snapchat Conversions API. هذا الطلب يعود بخطأ 401، ما المشكلة؟

curl -X POST "https://tr.snapchat.com/v3/{ruuid(r)}/events" \\
  -H "Authorization: Bearer {M("snapchat_capi_token", tok)}" \\
  -H "Content-Type: application/json" \\
  -d @event.json
"""


# ---------------------------------------------------------------- ads negatives
@tpl("ads", "tl", "not_secret")
def ads_n_meta_pixel_tl(r):
    pid = digits(r, 15)
    return "identifier", f"""
Dalawang beses nagfa-fire ang PageView ng Meta Pixel sa bawat page ng online shop namin. Ito yung nasa head ng theme.liquid:

<script>
!function(f,b,e,v,n,t,s){{if(f.fbq)return;n=f.fbq=function(){{n.callMethod?
n.callMethod.apply(n,arguments):n.queue.push(arguments)}};}}(window, document,'script',
'https://connect.facebook.net/en_US/fbevents.js');
fbq('init', '{pid}');
fbq('track', 'PageView');
</script>

Naka-install din yung "Facebook & Instagram" app ng Shopify. Yun ba ang dahilan?
"""


@tpl("ads", "en", "not_secret")
def ads_n_gads_conversion_label(r):
    aw = digits(r, 10)
    label = rs(r, 19, AL + "-_")
    return "identifier", f"""
Google Ads says our purchase conversion is "Inactive". The event snippet on the thank-you page:

gtag('event', 'conversion', {{
  'send_to': 'AW-{aw}/{label}',
  'value': {{{{ checkout.total_price | money_without_currency }}}},
  'currency': 'AUD',
  'transaction_id': '{{{{ order.name }}}}'
}});

Is the Liquid syntax wrong?
"""


@tpl("ads", "vi", "not_secret")
def ads_n_click_ids_vi(r):
    gclid = "Cj0KCQjw" + rs(r, 80, AL + "-_")
    fbclid = "IwAR" + rs(r, 55, AL + "-_")
    return "tracking_id", f"""
Tại sao hai lượt truy cập này lại hiện là "direct / none" trong GA4? Cả hai đều đến từ quảng cáo trả phí:

https://myphamxinh.vn/collections/son-moi?gclid={gclid}
https://myphamxinh.vn/products/kem-chong-nang?utm_source=facebook&utm_medium=paid&fbclid={fbclid}
"""


@tpl("ads", "en", "not_secret")
def ads_n_gads_ids(r):
    return "identifier", f"""
Draft an email to the client asking them to accept our manager-account link request. Details:

Our MCC: {digits(r, 3)}-{digits(r, 3, False)}-{digits(r, 4, False)}
Their Google Ads customer ID: {digits(r, 3)}-{digits(r, 3, False)}-{digits(r, 4, False)}
OAuth client used by our reporting tool: {digits(r, 12)}-{rs(r, 32, LD)}.apps.googleusercontent.com
They should see the request under Admin > Access and security > Managers.
"""


@tpl("ads", "en", "not_secret")
def ads_n_meta_debug_redacted(r):
    return "redacted", f"""
Access Token Debugger output for our system user (token itself removed). Why does the Marketing API say the token lacks ads_read?

App ID: {digits(r, 16)} : Northside Gym Ads
Type: System User
Access token: EAAG…[removed]
Expires: Never
Scopes: business_management, pages_show_list, ads_management
Data access expires: 1727654400
"""


@tpl("ads", "en", "not_secret")
def ads_n_gads_yaml_placeholder(r):
    return "placeholder", """
First time using the Google Ads API Python client. I copied the sample config and ran get_campaigns.py, it says "Invalid developer token". Config:

developer_token: INSERT_DEVELOPER_TOKEN_HERE
client_id: INSERT_OAUTH2_CLIENT_ID_HERE
client_secret: INSERT_OAUTH2_CLIENT_SECRET_HERE
refresh_token: INSERT_REFRESH_TOKEN_HERE
use_proto_plus: True

Where do I even get these?
"""


@tpl("ads", "en", "not_secret")
def ads_n_appsecret_proof(r):
    proof = rs(r, 64, HEX)
    return "signature", f"""
We turned on "Require App Secret" and now the Graph call fails with "Invalid appsecret_proof provided in the API argument". The request from our server log, token stripped:

GET /v19.0/act_{digits(r, 15)}/insights?fields=spend,impressions&date_preset=yesterday&appsecret_proof={proof}&access_token=[stripped]

We compute the proof as HMAC-SHA256(app_secret, access_token). Correct?
"""


@tpl("ads", "en", "not_secret")
def ads_n_campaign_csv(r):
    lines = "\n".join("act_%s,%s,%s,%s" % (digits(r, 15), digits(r, 17), n, s) for n, s in
                      [("Summer Sale - Prospecting", "312.40"), ("Summer Sale - Retargeting", "128.95"), ("Brand Awareness", "75.00")])
    return "identifier", f"""
Sum the spend per ad account from this export and tell me which campaign had the highest share:

ad_account_id,campaign_id,campaign_name,spend_eur
{lines}
"""


@tpl("ads", "en", "not_secret")
def ads_n_meta_rotation(r):
    return "rotation_notice", """
Can you make this note clearer for the client?

"Following the end of our contract with BrightReach Media, we removed their partner access in Business Settings on 3 June, revoked the system user token their reporting tool used, and generated a new one for our in-house dashboard. The new token is stored in our password manager and was not sent by email."
"""


@tpl("ads", "en", "not_secret")
def ads_n_agency_asks_password(r):
    return "security_advice", """
A new ads agency emailed asking for "the username and password of your Google Ads and Facebook accounts so we can get started". That feels wrong. What's the proper way to give them access without handing over my login? Please write the reply I should send them.
"""


# ================================================================ messaging
@tpl("messaging", "en", "secret")
def msg_mailchimp_php(r):
    dc = "us" + str(r.randint(2, 21))
    k = rs(r, 32, HEX) + "-" + dc
    return "mailchimp_api_key", f"""
New subscribers from the checkout page never reach our Mailchimp audience. No error, just nothing. What's wrong?

$mailchimp = new \\MailchimpMarketing\\ApiClient();
$mailchimp->setConfig([
    'apiKey' => '{M("mailchimp_api_key", k)}',
    'server' => '{dc}',
]);
$mailchimp->lists->setListMember($listId, md5(strtolower($email)), [
    'email_address' => $email,
    'status_if_new' => 'pending',
]);
"""


@tpl("messaging", "en", "secret")
def msg_klaviyo_private_curl(r):
    k = "pk_" + rs(r, 34, LD)
    return "klaviyo_private_key", f"""
Trying to add a back-in-stock subscriber server-side. Klaviyo answers 400 "Invalid input". Request:

curl -X POST https://a.klaviyo.com/api/back-in-stock-subscriptions \\
  -H 'Authorization: Klaviyo-API-Key {M("klaviyo_private_key", k)}' \\
  -H 'revision: 2024-05-15' \\
  -H 'Content-Type: application/vnd.api+json' \\
  -d @subscription.json
"""


@tpl("messaging", "es", "secret")
def msg_brevo_node_es(r):
    k = "xkeysib-" + rs(r, 64, HEX) + "-" + rs(r, 16, AL)
    return "brevo_api_key", f"""
Tengo una tienda de café de especialidad en Colombia y quiero mandar el correo de "tu pedido está en camino" con Brevo. Me sale "Key not found". ¿Qué falla?

const brevo = require('@getbrevo/brevo');
const api = new brevo.TransactionalEmailsApi();
api.setApiKey(brevo.TransactionalEmailsApiApiKeys.apiKey, '{M("brevo_api_key", k)}');

await api.sendTransacEmail({{
  templateId: 12,
  to: [{{ email: pedido.email, name: pedido.nombre }}],
  params: {{ guia: pedido.guia }},
}});
"""


@tpl("messaging", "tr", "secret")
def msg_sendgrid_laravel_tr(r):
    k = "SG." + rs(r, 22, AL + "-_") + "." + rs(r, 43, AL + "-_")
    return "sendgrid_api_key", f"""
Laravel projemizde sipariş onay e-postaları gitmiyor, log'da "Expected response code 250 but got code 535, Authentication failed" yazıyor. .env dosyası:

MAIL_MAILER=smtp
MAIL_HOST=smtp.sendgrid.net
MAIL_PORT=587
MAIL_USERNAME=apikey
MAIL_PASSWORD={M("sendgrid_api_key", k)}
MAIL_ENCRYPTION=tls
MAIL_FROM_ADDRESS=siparis@kahvedunyasi-ornek.com.tr

Gönderici adresini SendGrid'de doğrulamam gerekiyor mu?
"""


@tpl("messaging", "en", "secret")
def msg_hubspot_private_app(r):
    tok = "pat-" + r.choice(["na1", "eu1"]) + "-" + ruuid(r)
    return "hubspot_private_app_token", f"""
Can you add pagination to this? It only returns the first 100 contacts from HubSpot.

import requests

HUBSPOT_TOKEN = "{M("hubspot_private_app_token", tok)}"

resp = requests.get(
    "https://api.hubapi.com/crm/v3/objects/contacts",
    headers={{"Authorization": f"Bearer {{HUBSPOT_TOKEN}}"}},
    params={{"limit": 100, "properties": "email,firstname,lifecyclestage"}},
)
"""


@tpl("messaging", "pl", "secret")
def msg_activecampaign_pl(r):
    k = rs(r, 72, HEX)
    return "activecampaign_api_key", f"""
Pomóż mi zrozumieć, czemu automatyzacja w Make nie dodaje kontaktów do listy w ActiveCampaign. W module HTTP mam:

URL: https://kwiaciarniaroza.api-us1.com/api/3/contact/sync
Nagłówek Api-Token: {M("activecampaign_api_key", k)}
Body: {{"contact": {{"email": "{{{{1.email}}}}", "firstName": "{{{{1.imie}}}}"}}}}

Odpowiedź to 200, ale kontakt nie trafia na listę "Klienci sklepu".
"""


@tpl("messaging", "hi", "secret")
def msg_twilio_hi(r):
    sid = "AC" + rs(r, 32, HEX)
    tok = rs(r, 32, HEX)
    return "twilio_auth_token", f"""
हमारी मिठाई की दुकान के ऐप में OTP SMS नहीं जा रहा, Twilio error 20003 "Authenticate" आ रहा है। Node.js कोड:

const client = require('twilio')('{sid}', '{M("twilio_auth_token", tok)}');
await client.messages.create({{
  body: `आपका OTP है ${{otp}}`,
  from: '+1{digits(r, 10)}',
  to: customerPhone,
}});

क्या India के नंबरों पर SMS भेजने के लिए DLT registration ज़रूरी है?
"""


@tpl("messaging", "sw", "secret")
def msg_whatsapp_cloud_sw(r):
    tok = "EAA" + r.choice("GJ") + rs(r, 180, AL)
    pnid = digits(r, 15)
    return "whatsapp_access_token", f"""
Tunataka kutuma ujumbe wa WhatsApp kwa wateja oda ikiwa tayari (duka la dawa, Dar es Salaam). Ombi hili linarudisha "(#131030) Recipient phone number not in allowed list":

curl -X POST "https://graph.facebook.com/v19.0/{pnid}/messages" \\
  -H "Authorization: Bearer {M("whatsapp_access_token", tok)}" \\
  -H "Content-Type: application/json" \\
  -d '{{"messaging_product":"whatsapp","to":"2557{digits(r, 8)}","type":"template","template":{{"name":"oda_tayari","language":{{"code":"sw"}}}}}}'
"""


@tpl("messaging", "en", "secret")
def msg_wp_smtp_cpanel_en(r):
    p = pw(r, "tl", syms="!@#%")
    return "password", f"""
Our WooCommerce store (coffee roaster in Quezon City) stopped sending order confirmations. These are the WP Mail SMTP settings, anything wrong?

Mailer: Other SMTP
SMTP Host: mail.kapehansarap.ph
Encryption: SSL, Port 465
Authentication: ON
SMTP Username: orders@kapehansarap.ph
SMTP Password: {M("password", p)}

Gmail puts them in spam, Yahoo doesn't receive them at all.
"""


@tpl("messaging", "en", "secret")
def msg_mailchimp_volunteers(r):
    p = pw(r, "en", shape="phrase", syms="-.", spaces=True)
    return "password", f"""
Please make this volunteer briefing for our charity shop's newsletter shorter and friendlier:

"Newsletter goes out the first Thursday of each month. Log into Mailchimp with the shared account (newsletter@hopehousecharity.org.uk), the password is {M("password", p)} - all lowercase. Duplicate last month's campaign, swap the photos, and send a test to Margaret before scheduling."
"""


@tpl("messaging", "en", "secret")
def msg_klaviyo_login_email(r):
    p = pw(r, "en", syms="!?*", shape="leet")
    return "password", f"""
Summarise this email thread in two sentences for my notes:

From: Dana (Lumen Candles)
To: Chris (freelance email marketer)
Subject: Klaviyo access

Hi Chris, welcome aboard! I couldn't figure out how to add you as a user so here's our main login: dana@lumencandles.com and {M("password", p)}. Please have the Mother's Day flow ready by Friday. Thanks! Dana
"""


@tpl("messaging", "en", "secret")
def msg_gmail_app_password(r):
    ap = " ".join(rs(r, 4, LOW) for _ in range(4))
    return "app_password", f"""
Our little online shop sends order e-mails through Gmail SMTP (WooCommerce + WP Mail SMTP). It stopped in May with "Username and Password not accepted". I created an app password like Google said:

{M("app_password", ap)}

Do I paste it with the spaces or without? And does it go in the "SMTP Password" field?
"""


# ---------------------------------------------------------------- messaging negatives
@tpl("messaging", "en", "not_secret")
def msg_n_mailchimp_form(r):
    u = rs(r, 25, HEX)
    lid = rs(r, 10, HEX)
    return "identifier", f"""
The embedded Mailchimp form on our Squarespace site shows "Too many subscribe attempts". Form code:

<form action="https://hopehousecharity.us{r.randint(2, 21)}.list-manage.com/subscribe/post?u={u}&amp;id={lid}&amp;f_id=00a1b2e0f0" method="post" target="_blank">
  <input type="email" name="EMAIL" required>
  <div style="position:absolute; left:-5000px;" aria-hidden="true"><input type="text" name="b_{u}_{lid}" tabindex="-1"></div>
  <input type="submit" value="Subscribe">
</form>
"""


@tpl("messaging", "en", "not_secret")
def msg_n_klaviyo_public(r):
    cid = rs(r, 6, AL)
    return "public_client_key", f"""
Is it OK that our Klaviyo company ID is visible in the site source? The onsite script is:

<script async type="text/javascript" src="https://static.klaviyo.com/onsite/js/klaviyo.js?company_id={cid}"></script>

Klaviyo's docs call it the "public API key / site ID". Our private key is only in the backend.
"""


@tpl("messaging", "en", "not_secret")
def msg_n_sendgrid_masked(r):
    return "masked_key", f"""
Which SendGrid key should I delete? From Settings > API Keys:

Name                 API Key ID                 Permissions
WooCommerce SMTP     {rs(r, 22, AL)}     Restricted (Mail Send)
Old Zapier           {rs(r, 22, AL)}     Full Access
Marketing tool       {rs(r, 22, AL)}     Restricted

SendGrid only shows the key ID, not the key itself (that was shown once at creation as SG.xxxxx).
"""


@tpl("messaging", "en", "not_secret")
def msg_n_twilio_ids(r):
    return "identifier", f"""
Our appointment reminders go out from the wrong sender. Here are the IDs from the Twilio console:

Account SID: AC{rs(r, 32, HEX)}
Messaging Service SID: MG{rs(r, 32, HEX)}
Sender pool: +44 7{digits(r, 3, False)} {digits(r, 6, False)}, alphanumeric sender "SMILEDENT"
Last message SID: SM{rs(r, 32, HEX)}

Why would Twilio pick the long code instead of the alphanumeric sender?
"""


@tpl("messaging", "en", "not_secret")
def msg_n_whatsapp_payload(r):
    return "request_id", f"""
Our webhook receives this from WhatsApp but the order bot doesn't reply. Which field should I use to answer?

{{
  "object": "whatsapp_business_account",
  "entry": [{{
    "id": "{digits(r, 15)}",
    "changes": [{{
      "field": "messages",
      "value": {{
        "metadata": {{"display_phone_number": "447700900123", "phone_number_id": "{digits(r, 15)}"}},
        "messages": [{{"from": "447700900456", "id": "wamid.HBgM{rs(r, 40, AL)}", "type": "text", "text": {{"body": "Where is my order #4471?"}}}}]
      }}
    }}]
  }}]
}}
"""


@tpl("messaging", "en", "not_secret")
def msg_n_hubspot_tracking(r):
    return "identifier", f"""
HubSpot forms aren't tracking page views. Our tracking code (in the footer):

<script type="text/javascript" id="hs-script-loader" async defer src="//js-eu1.hs-scripts.com/{digits(r, 8)}.js"></script>

Portal region is EU. Cookie banner is Cookiebot, does it block this?
"""


@tpl("messaging", "en", "not_secret")
def msg_n_smtp_env_refs(r):
    return "secret_reference", """
docker-compose for our order-notification service. Is passing the SMTP key like this OK, or does it end up in the image?

services:
  notifier:
    image: ghcr.io/pawsandclaws/notifier:1.8.2
    environment:
      SMTP_HOST: smtp-relay.brevo.com
      SMTP_USER: ${BREVO_SMTP_LOGIN}
      SMTP_PASS: ${BREVO_SMTP_KEY}
    env_file: .env.production
"""


@tpl("messaging", "en", "not_secret")
def msg_n_dkim_public(r):
    key = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + rs(r, 300, B64) + "IDAQAB"
    return "public_key", f"""
Mailchimp says our domain isn't authenticated. I added this TXT record at our registrar, is the format right?

Host: k2._domainkey.lumencandles.com
Type: TXT
Value: v=DKIM1; k=rsa; p={key}
"""


@tpl("messaging", "en", "not_secret")
def msg_n_mailchimp_placeholder(r):
    return "placeholder", """
I'm writing a tutorial for our agency's junior devs. Can you check this snippet explains the Mailchimp key format clearly?

# Your key looks like <32 hex characters>-<data center>, e.g. YOUR_API_KEY-us6
MAILCHIMP_API_KEY = "YOUR_API_KEY-us6"
MAILCHIMP_SERVER = MAILCHIMP_API_KEY.split("-")[-1]
"""


@tpl("messaging", "en", "not_secret")
def msg_n_reset_template(r):
    return "reset_notice", """
Improve the copy of our password-reset email (Shopify notification template):

Subject: Reset your Paws & Claws password

Hi {{ customer.first_name }},
Someone asked to reset the password for your account. Click below to choose a new one. This link expires in 24 hours.
{{ customer.reset_password_url }}
If you didn't ask for this, ignore this email; your password won't change.
"""


# ================================================================ banking
def pin(r, n=4):
    while True:
        p = digits(r, n, False)
        if len(set(p)) >= 3 and p not in ("1234", "123456", "0000", "1111"):
            return p


def iban_de(r):
    return "DE%s %s %s %s %s %s" % (digits(r, 2, False), digits(r, 4), digits(r, 4, False), digits(r, 4, False), digits(r, 4, False), digits(r, 2, False))


@tpl("banking", "ja", "secret")
def bank_rakuten_mother_ja(r):
    uid = rs(r, 3, LOW) + digits(r, 5)
    p = pw(r, "ja", syms="!#", shape="word_digits_sym")
    return "password", f"""
母に楽天銀行のアプリの使い方を教えたいので、手順をやさしい言葉で書いてください。母のメモにはこう書いてあります：

ログインID：{uid}
ログインパスワード：{M("password", p)}
（暗証番号は別の紙）

スマホはiPhoneです。
"""


@tpl("banking", "ko", "secret")
def bank_kb_cert_ko(r):
    p = pw(r, "ko", syms="!@#", shape="two_words")
    acct_pin = pin(r)
    return "password", f"""
가게 경리 업무를 이번 달부터 동생이 맡게 됐어요. 아래 메모를 깔끔한 인수인계 문서로 만들어 주세요.

- 국민은행 기업뱅킹, 공동인증서는 사무실 PC의 USB에 있음
- 인증서 비밀번호: {M("password", p)}
- 출금 계좌 비밀번호: {M("pin", acct_pin)}
- OTP 카드는 금고 안에 있음
- 매월 10일 거래처 대금 이체
"""


@tpl("banking", "zh", "secret")
def bank_alipay_pin_zh(r):
    p = pin(r, 6)
    return "pin", f"""
帮我给我妈写一段简单的说明，教她用支付宝给菜市场的摊主付钱。她手机上的支付密码是 {M("pin", p)}，每次付款时要输入。她眼睛不太好，字要说得清楚一点，步骤越少越好。
"""


@tpl("banking", "ru", "secret")
def bank_sber_grandpa_ru(r):
    login = "ivan" + rs(r, 3, LOW) + digits(r, 4)
    p = pw(r, "ru", syms="!%#", ascii_only=True)
    return "password", f"""
Помоги составить для дедушки пошаговую инструкцию, как оплатить ЖКХ в СберБанк Онлайн с компьютера. Он записал так:

логин {login}
пароль {M("password", p)}
код из смс приходит на его кнопочный телефон

Пиши крупно и простыми словами, без англицизмов.
"""


@tpl("banking", "tr", "secret")
def bank_garanti_tr(r):
    mno = digits(r, 8)
    p = pin(r, 6)
    return "pin", f"""
Babam için Garanti BBVA internet şubesine nasıl gireceğini anlatan kısa bir not yazar mısın? Elimde şunlar var:

Müşteri numarası: {mno}
İnternet şifresi (6 haneli): {M("pin", p)}

Telefonuna gelen SMS onayını da girmesi gerekiyor, bunu da ekle lütfen.
"""


@tpl("banking", "th", "secret")
def bank_kplus_pin_th(r):
    p = pin(r, 6)
    return "pin", f"""
ช่วยเขียนข้อความสั้นๆ ถึงน้องที่ร้านหน่อยค่ะ ว่าถ้าลูกค้าโอนเงินมา ให้เช็คในแอป K PLUS ของร้านก่อนส่งของทุกครั้ง รหัสเข้าแอปคือ {M("pin", p)} ห้ามบอกใครนะ และห้ามกดโอนเงินออกเด็ดขาด
"""


@tpl("banking", "hi", "secret")
def bank_upi_pin_hi(r):
    p = pin(r, 4)
    return "pin", f"""
मेरी किराने की दुकान पर नया लड़का काम करता है। उसे ये समझाना है कि ग्राहक का पेमेंट PhonePe for Business में कैसे चेक करे। एक बार उसने पूछा था तो मैंने बोल दिया था कि दुकान वाले खाते का UPI PIN {M("pin", p)} है, पर सिर्फ़ सप्लायर को पैसे भेजने के लिए। अब ये समझाने का एक आसान मैसेज लिख दो कि पेमेंट आने पर PIN की ज़रूरत नहीं होती।
"""


@tpl("banking", "en", "secret")
def bank_sbi_corporate_en(r):
    uid = "SRIGANESH" + digits(r, 3)
    p = pw(r, "hi", syms="@#$", ascii_only=True, shape="word_digits_sym")
    return "password", f"""
Please rewrite this WhatsApp note to our new accountant in proper English:

"Sir, SBI corporate internet banking (yono business) - username {uid}, login password {M("password", p)}. Profile password and maker/checker rights I will give tomorrow when you come to shop. GST payment due on 20th, please do it before."
"""


@tpl("banking", "ar", "secret")
def bank_alrajhi_ar(r):
    user = "abo" + rs(r, 4, LOW) + digits(r, 2)
    p = pw(r, "ar", syms="@#$!")
    return "password", f"""
أرجو أن تعيد صياغة هذه الرسالة لتكون أوضح، سأرسلها لمحاسب المؤسسة:

"السلام عليكم أخ سامي، هذه بيانات الدخول لحساب المؤسسة في مباشر الراجحي للأعمال:
اسم المستخدم: {user}
كلمة المرور: {M("password", p)}
رمز التحقق يصلني على جوالي، اتصل بي قبل أي تحويل."
"""


@tpl("banking", "pl", "secret")
def bank_blik_code_pl(r):
    code = "%s %s" % (digits(r, 3), digits(r, 3, False))
    return "one_time_code", f"""
Sprzedaję rower na OLX i kupujący napisał: "Proszę podać kod BLIK, to od razu przelew zrobię na telefon". Wygenerowałam w aplikacji PKO i mam: {M("one_time_code", code)} — ważny jeszcze 2 minuty. Mam mu go wysłać? Coś mi tu nie pasuje.
"""


@tpl("banking", "en", "secret")
def bank_uk_business_memorable(r):
    p = pw(r, "en", syms="!#", shape="two_words")
    mw = r.choice(["harrogate", "bluebell", "kestrel", "marmalade"])
    return "password", f"""
Make this handover note for our bookkeeper tidier, bullet points please:

Business banking (Starling) - login with the card reader is gone, it's app + web now. Email billing@brambletea.co, password {M("password", p)}, memorable word is {M("password", mw)} (they ask for 3 random letters). Pay suppliers on Fridays, VAT from the separate space.
"""


@tpl("banking", "en", "secret")
def bank_business_card_pin(r):
    p = pin(r)
    return "pin", f"""
Can you write a short policy paragraph for staff about using the company debit card? Context: the card lives in the office drawer, PIN is {M("pin", p)}, and people can use it for stock runs to the cash-and-carry up to £200 without asking, but must photograph the receipt and post it in #expenses.
"""


@tpl("banking", "en", "secret")
def bank_shared_logins_tsv(r):
    p1 = pw(r, "en", syms="!#*", shape="random")
    p2 = pw(r, "en", syms="!#*", shape="walk")
    return "password", f"""
Sort this sheet by monthly cost and add a column "owner". It's our agency's subscription tracker (tab-separated):

service	login	password	monthly
Wise Business	finance@northwindstudio.io	{M("password", p1)}	0
Payoneer	payments@northwindstudio.io	{M("password", p2)}	0
Adobe CC	design@northwindstudio.io	(SSO)	89.99
Canva Teams	design@northwindstudio.io	(SSO)	29.99
"""


@tpl("banking", "en", "secret")
def bank_wise_pin_support(r):
    p = pw(r, "en", syms="!@#$%", shape="word_digits_sym")
    sp = pin(r)
    return "password", f"""
I'm locked out of Wise Business after changing phones. Support chat wants me to "verify identity". I've got the old details here: login freelancer.ines@protonmail.com, password {M("password", p)}, 4-digit security PIN {M("pin", sp)}. What should I actually give them and what shouldn't I?
"""


# ---------------------------------------------------------------- banking negatives
@tpl("banking", "th", "not_secret")
def bank_n_promptpay_th(r):
    return "account_number", f"""
ช่วยเขียนข้อความแจ้งลูกค้าเรื่องช่องทางชำระเงินให้ดูเป็นมืออาชีพหน่อยค่ะ

โอนผ่านพร้อมเพย์: 08{digits(r, 1)}-{digits(r, 3)}-{digits(r, 4)}
หรือบัญชีกสิกรไทย เลขที่ {digits(r, 3)}-{digits(r, 1)}-{digits(r, 5)}-{digits(r, 1)} ชื่อบัญชี นางสาวพิมพ์ชนก ใจดี
โอนแล้วส่งสลิปในแชทได้เลยค่ะ
"""


@tpl("banking", "ja", "not_secret")
def bank_n_furikomi_ja(r):
    return "account_number", f"""
請求書の振込先の書き方はこれで正しいですか？ビジネスメール用に整えてください。

お振込先：みずほ銀行　渋谷支店（{digits(r, 3)}）
普通預金　{digits(r, 7)}
口座名義：カ）サクラデザインスタジオ
お支払期限：2024年6月30日
"""


@tpl("banking", "ko", "not_secret")
def bank_n_virtual_account_ko(r):
    return "account_number", f"""
쇼핑몰 주문 완료 안내 문자를 더 친절하게 바꿔 주세요.

[꽃담] 주문이 접수되었습니다.
입금 계좌: 신한은행 가상계좌 {digits(r, 3)}-{digits(r, 3)}-{digits(r, 6)} (예금주: 꽃담)
입금 금액: 45,000원
입금 기한: 6월 14일 23:59까지
"""


@tpl("banking", "zh", "not_secret")
def bank_n_swift_zh(r):
    return "bank_identifier", f"""
供应商发来了收款信息，帮我检查一下电汇需要的信息是否完整：

Beneficiary: Yiwu Sunrise Crafts Co., Ltd.
Bank: Bank of China, Yiwu Branch
SWIFT: BKCHCNBJ92A
Account No.: {digits(r, 12)}
Bank address: 1 Chouzhou North Road, Yiwu, Zhejiang

他们说付款备注要写 PI 号 SR-2024-0611。
"""


@tpl("banking", "ru", "not_secret")
def bank_n_rekvizity_ru(r):
    return "account_number", f"""
Оформи реквизиты для счёта-оферты красиво, в виде таблицы:

ИП Смирнова Анна Сергеевна
ИНН {digits(r, 12)}
ОГРНИП {digits(r, 15)}
Р/с 40802810{digits(r, 12)}
Банк: АО «Тинькофф Банк»
БИК 044525974
К/с 30101810145250000974
"""


@tpl("banking", "tr", "not_secret")
def bank_n_iban_tr(r):
    return "account_number", f"""
Müşterilere havale bilgisini gönderirken kullandığım mesajı daha düzgün yazar mısın?

"Merhaba, siparişiniz için ödeme bilgileri:
Alıcı: Ayşe Demir El Yapımı Takı
IBAN: TR{digits(r, 2, False)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 2)}
Açıklamaya sipariş numaranızı yazmayı unutmayın."
"""


@tpl("banking", "en", "not_secret")
def bank_n_invoice_iban(r):
    return "bank_identifier", f"""
Check my freelance invoice footer for anything missing for an EU client:

Payment within 14 days to:
Lena Hoffmann Design
IBAN {iban_de(r)}
BIC COBADEFFXXX (Commerzbank)
VAT ID DE{digits(r, 9)}
Reference: INV-2024-017
"""


@tpl("banking", "en", "not_secret")
def bank_n_never_ask_pin(r):
    return "security_advice", """
Someone called my mum claiming to be from the bank's fraud team and asked her to read out her card PIN and the code the bank just texted her. She hung up (well done mum). Can you write a short, reassuring explanation for her of why a bank will never ask for the PIN, passwords or one-time codes, and what to do next time?
"""


@tpl("banking", "en", "not_secret")
def bank_n_masked_card(r):
    return "redacted", f"""
A customer disputes this charge. Help me write a polite reply with the transaction details:

Card: Visa •••• •••• •••• {digits(r, 4)}
Expiry: ••/••
Date: 02 Jun 2024, 14:21
Amount: €64.90
Descriptor: LUMENCANDLES*ORDER 5521
Authorisation code: {rs(r, 6, UD)}
"""


@tpl("banking", "en", "not_secret")
def bank_n_pin_hint(r):
    return "password_hint", """
My dad set up the shop's card terminal and bank app years ago. His note says: "PIN = the year we opened the first shop, backwards" and "app password = Rex + house number + !". He passed away last month and I need to access the business account. What's the proper process with the bank rather than guessing?
"""


@tpl("banking", "en", "not_secret")
def bank_n_uk_refund_details(r):
    return "account_number", f"""
A customer wants a refund by bank transfer instead of to the card. Is it fine to store these details in our CRM note, and how should I word the confirmation?

Name: Oliver Grant
Sort code: {digits(r, 2)}-{digits(r, 2)}-{digits(r, 2)}
Account number: {digits(r, 8)}
Amount: £37.50 (order #8812)
"""


@tpl("banking", "en", "not_secret")
def bank_n_saudi_iban(r):
    return "account_number", f"""
Can you translate this payment note into Arabic for our Riyadh customer?

"Please transfer the deposit of SAR 2,500 to our account:
Al Rajhi Bank, account name Oud Al Reem Trading
IBAN SA{digits(r, 2, False)} 8000 {digits(r, 4)} {digits(r, 4)} {digits(r, 4)} {digits(r, 4)}
Send us the transfer receipt on WhatsApp and we will confirm the order."
"""


@tpl("banking", "hi", "not_secret")
def bank_n_ifsc_hi(r):
    return "bank_identifier", f"""
हमारे होलसेल ग्राहकों के लिए पेमेंट डिटेल्स का एक साफ़ मैसेज बना दो:

खाताधारक: श्री गणेश ट्रेडर्स
बैंक: HDFC Bank, चांदनी चौक शाखा
खाता संख्या: {digits(r, 14)}
IFSC: HDFC000{digits(r, 4)}
UPI ID: shriganeshtraders@hdfcbank

भुगतान के बाद स्क्रीनशॉट WhatsApp पर भेजें।
"""


# ================================================================ social
@tpl("social", "en", "secret")
def soc_instagram_agency_slack(r):
    p = pw(r, "en", syms="!#*", shape="brand", brand="lumen.candles")
    codes = [digits(r, 4) + " " + digits(r, 4) for _ in range(2)]
    return "password", f"""
Summarise this Slack thread for the client report:

[10:02] Mia (Lumen Candles): hey! insta login for the content calendar: @lumencandles / {M("password", p)}
[10:03] Mia (Lumen Candles): if it asks for a code and i'm asleep use one of these backup codes: {M("recovery_code", codes[0])} or {M("recovery_code", codes[1])}
[10:05] Jordan (agency): thanks, we'll schedule reels Tue/Thu and stories daily
[10:06] Mia (Lumen Candles): perfect 🙌
"""


@tpl("social", "en", "secret")
def soc_facebook_page_restaurant(r):
    p = pw(r, "en", syms="!@", shape="word_digits_sym")
    return "password", f"""
Can you make this email sound more professional? I'm the owner of a small restaurant writing to the freelancer who will run our socials.

"Hi Tom, so the Facebook page is under my personal account unfortunately. Email is giuseppe.romano.1968@hotmail.com and the password is {M("password", p)} . Please don't change anything in my personal profile, only post on the Trattoria Romano page. Thanks, Giuseppe"
"""


@tpl("social", "en", "secret")
def soc_linkedin_ceo_intern(r):
    p = pw(r, "en", syms="!.", shape="two_words")
    return "password", f"""
Our CEO wants the marketing intern to post on the company LinkedIn page from his account "because it gets more reach". He sent the intern: "login is my work email, password {M("password", p)}, just don't reply to DMs". Can you write a respectful message to the CEO proposing a safer alternative?
"""


@tpl("social", "en", "secret")
def soc_x_totp_shared(r):
    p = pw(r, "en", syms="!#%*-_", shape="random")
    seed = rs(r, 32, B32)
    return "password", f"""
We share the brand's X account across three social managers. Please turn this into a one-page internal SOP:

Account: @brambleteaco
Password: {M("password", p)}
2FA: authenticator app, add this to your app manually:
otpauth://totp/X:brambleteaco?secret={M("totp_secret", seed)}&issuer=X
Posting hours: 8am-8pm UK, no politics, no replying to trolls.
"""


@tpl("social", "tl", "secret")
def soc_fb_page_va_tl(r):
    p = pw(r, "tl", syms="!@#")
    return "password", f"""
Pakiayos naman itong message ko sa bagong VA para mas malinaw:

"Hi Carla! Ikaw na bahala sa FB page ng Lola Nena's Kakanin simula Lunes. Login: lolanenaskakanin@gmail.com, password {M("password", p)}. Mag-post ka 2x a day, sagutin mo yung mga inquiry sa Messenger bago mag-6pm. Salamat!"
"""


@tpl("social", "tl", "secret")
def soc_shopee_seller_tl(r):
    p = pw(r, "tl", syms=".!*", shape="brand", brand="ukaykingdom")
    return "password", f"""
Gawan mo ako ng checklist para sa part-timer na magha-handle ng Shopee store namin tuwing weekend. Ito yung mga details:

Shopee Seller Centre
username: ukaykingdom.ph
password: {M("password", p)}
- i-print ang waybill bago mag-12nn
- i-chat ang buyer kapag may out-of-stock
"""


@tpl("social", "vi", "secret")
def soc_tiktok_shop_vi(r):
    p = pw(r, "vi", syms="@#!")
    return "password", f"""
Soạn giúp mình tin nhắn bàn giao cho bạn livestream mới, ngắn gọn thôi:

TikTok Shop: shop Giày Đẹp Sài Gòn
Đăng nhập bằng số điện thoại 09{digits(r, 8)}
Mật khẩu: {M("password", p)}
Livestream 20h-22h thứ 3, 5, 7. Không tự ý giảm giá quá 15%.
"""


@tpl("social", "vi", "secret")
def soc_fb_ads_account_vi(r):
    p = pw(r, "vi", syms="@.", shape="two_words")
    return "password", f"""
Chị chủ shop gửi mình cái này qua Messenger, mình nên trả lời thế nào cho lịch sự để chị ấy hiểu không nên gửi mật khẩu như vậy?

"em ơi đây là nick facebook chạy quảng cáo của shop nha: ngoc.anh.mypham@gmail.com / {M("password", p)} , em vào tạo chiến dịch sale 6.6 giúp chị"
"""


@tpl("social", "id", "secret")
def soc_instagram_olshop_id(r):
    p = pw(r, "id", syms="_.!", shape="brand", brand="hijabayu")
    return "password", f"""
Tolong bikin SOP singkat untuk admin sosmed baru olshop kami:

Akun Instagram: @hijabayu.official
Password: {M("password", p)}
- Balas DM maksimal 1 jam
- Upload feed jam 11.00 dan 19.00
- Jangan pernah klik link "verifikasi centang biru" dari DM
"""


@tpl("social", "th", "secret")
def soc_line_oa_th(r):
    p = pw(r, "th", syms="!@#")
    return "password", f"""
ช่วยเรียบเรียงข้อความนี้ให้เป็นขั้นตอนที่อ่านง่าย สำหรับพนักงานใหม่ที่จะดูแล LINE OA ของร้านกาแฟค่ะ

เข้า LINE Official Account Manager ด้วยอีเมล baan.kafae.cm@gmail.com รหัสผ่าน {M("password", p)} ตอบแชทลูกค้าภายใน 30 นาที ส่งคูปองทุกวันศุกร์
"""


@tpl("social", "ar", "secret")
def soc_snapchat_perfume_ar(r):
    p = pw(r, "ar", syms="@#!")
    return "password", f"""
أريد خطة محتوى أسبوعية لحساب سناب شات الخاص بمتجر العطور. للعلم، الموظفة الجديدة ستدخل على الحساب بهذه البيانات:

اسم المستخدم: oud.alreem
كلمة المرور: {M("password", p)}

المطلوب: سنابات يومية عن العروض، وتغطية لافتتاح الفرع الجديد يوم الخميس.
"""


@tpl("social", "hi", "secret")
def soc_youtube_channel_hi(r):
    p = pw(r, "hi", syms="@#", shape="word_digits_sym")
    return "password", f"""
हमारे कुकिंग चैनल के लिए नया वीडियो एडिटर रखा है। उसे भेजने के लिए एक प्रोफेशनल मैसेज लिख दो। अभी मैंने ये लिखा है:

"YouTube चैनल वाला Gmail: swaadghar.recipes@gmail.com, पासवर्ड {M("password", p)} . थंबनेल और डिस्क्रिप्शन आप अपलोड कर देना, पब्लिश मैं खुद करूँगी।"
"""


@tpl("social", "ja", "secret")
def soc_instagram_unyo_ja(r):
    p = pw(r, "ja", syms="!_", shape="two_words")
    return "password", f"""
インスタ運用代行の会社にアカウント情報を送るメールを書いています。失礼のない文面に直してください。

「お世話になっております。弊社アカウントの情報をお送りします。
ユーザーネーム：kaede_sweets_tokyo
パスワード：{M("password", p)}
二段階認証のコードは担当の佐藤が都度お伝えします。」
"""


# ---------------------------------------------------------------- social negatives
@tpl("social", "ko", "not_secret")
def soc_n_kakao_oob_ko(r):
    return "out_of_band_notice", """
외주 마케터에게 보낼 안내 메일을 정중하게 다듬어 주세요.

"안녕하세요, 꽃담 인스타그램 운영 관련해서 연락드립니다. 계정은 관리자 권한으로 Meta 비즈니스 관리자에서 초대해 드렸고, 비밀번호는 따로 공유하지 않을 예정입니다. 초대 메일을 수락하신 뒤 카카오톡으로 알려 주세요."
"""


@tpl("social", "pt", "not_secret")
def soc_n_username_pt(r):
    return "username", """
Crie uma bio de Instagram e uma descrição para o TikTok da minha confeitaria. Dados:

Instagram: @docesdamarina.sp
TikTok: @docesdamarina
E-mail comercial: contato@docesdamarina.com.br
WhatsApp para encomendas: (11) 98765-4321
"""


@tpl("social", "tr", "not_secret")
def soc_n_password_manager_tr(r):
    return "security_advice", """
Ajansımızda sosyal medya hesaplarının şifreleri Excel'de duruyor. Ekibe, neden bir şifre yöneticisine (Bitwarden) geçmemiz gerektiğini anlatan kısa ve ikna edici bir e-posta yazar mısın? Müşteri hesaplarında iki adımlı doğrulamayı da zorunlu yapmak istiyorum.
"""


@tpl("social", "en", "not_secret")
def soc_n_meta_login_alert(r):
    return "reset_notice", """
Is this email real? It came to the shop's Instagram address:

"We noticed a new login to lumencandles from Samsung Galaxy S21 near Lagos, Nigeria. If this was you, you can ignore this message. If this wasn't you, secure your account: we'll help you reset your password and review your security settings."

None of us are in Lagos.
"""


@tpl("social", "en", "not_secret")
def soc_n_sheet_vault_refs(r):
    return "secret_reference", """
Clean up this client accounts sheet and flag anything that looks risky:

client,platform,handle,password
Trattoria Romano,Facebook,/trattoriaromano,see 1Password: "TR - Facebook"
Trattoria Romano,Instagram,@trattoria.romano,see 1Password: "TR - Instagram"
Northside Gym,TikTok,@northsidegym,shared vault "Northside"
Bramble Tea,Pinterest,/brambletea,ask client (not stored)
"""


@tpl("social", "tl", "not_secret")
def soc_n_ocr_masked_tl(r):
    return "redacted", """
Ito yung OCR ng screenshot na pinadala ng client ko ng Instagram login screen nila. Ano kaya ang problema?

Instagram
Phone number, username or email
lolanenaskakanin
Password
••••••••••••
[Log in]
Sorry, your password was incorrect. Please double-check your password.
Forgot password?
"""


@tpl("social", "en", "not_secret")
def soc_n_tiktok_profiles(r):
    return "username", """
Rank these creators for a micro-influencer campaign for our vegan skincare line (budget £2k):

@glowwithpriya - 48.2k followers - skincare routines
@thevegancabinet - 112k - vegan lifestyle
@liv.makes.soap - 19.7k - DIY cosmetics
@derm_daniel - 301k - dermatologist
"""


@tpl("social", "en", "not_secret")
def soc_n_onboarding_placeholder(r):
    return "placeholder", """
Improve this onboarding email template we send to new clients of our social media agency:

"Hi [client first name], to get started we need admin access to your Facebook Page and Instagram account. Please DO NOT send us your password. Instead, add [agency business ID] as a partner in Meta Business Settings. If you don't have a Business Manager, reply and we'll book a 15-minute call."
"""


@tpl("social", "ar", "not_secret")
def soc_n_meta_ids_ar(r):
    return "identifier", f"""
حساب إنستغرام الخاص بالعميل لا يظهر في مدير الأعمال لدينا رغم أنه قبل طلب الشراكة. هذه المعرّفات:

معرّف مدير الأعمال لدينا: {digits(r, 16)}
معرّف مدير أعمال العميل: {digits(r, 15)}
معرّف صفحة فيسبوك: {digits(r, 15)}
معرّف حساب إنستغرام: {digits(r, 17)}
"""


@tpl("social", "en", "not_secret")
def soc_n_password_prompt(r):
    return "password_prompt", """
OCR of my phone screen, I'm trying to log into the shop's Pinterest business account:

Pinterest
Welcome back
Email: hello@brambletea.co
Password: [                    ]   (show)
Continue
Forgot your password?
Use a one-time code instead

Which option avoids me needing the password that only my ex-cofounder knows?
"""


@tpl("social", "en", "not_secret")
def soc_n_buffer_channels(r):
    return "no_credential", """
Buffer shows these connected channels. Which ones need action before the Black Friday schedule?

Lumen Candles (Instagram Business) - Connected
Lumen Candles (Facebook Page) - Connected
@lumencandles (TikTok) - Reconnect required (token expired)
Lumen Candles (Pinterest) - Connected
Lumen Candles (LinkedIn Page) - Reconnect required (permissions changed)
"""


# ================================================================ analytics
@tpl("analytics", "en", "secret")
def ana_ga4_mp_url(r):
    mid = "G-" + rs(r, 10, UD)
    sec = rs(r, 22, AL + "-_")
    return "ga4_api_secret", f"""
Server-side purchase events from our Django shop don't show up in GA4 realtime. The request we send:

POST https://www.google-analytics.com/mp/collect?measurement_id={mid}&api_secret={M("ga4_api_secret", sec)}
Content-Type: application/json

{{"client_id": "1843920011.1718092800", "events": [{{"name": "purchase", "params": {{"currency": "GBP", "value": 42.5, "transaction_id": "T-10991"}}}}]}}

The debug endpoint returns no validation messages.
"""


@tpl("analytics", "en", "secret")
def ana_segment_public_api_en(r):
    tok = "sgp_" + rs(r, 64, AL)
    return "segment_api_token", f"""
I want a script that lists every Segment source in our workspace (for the GDPR records). The call returns 403:

curl https://api.segmentapis.com/sources \\
  -H "Authorization: Bearer {M("segment_api_token", tok)}"

I created the token under Settings > Access Management > Tokens with the role "Workspace Member". Does it need "Workspace Owner"?
"""


@tpl("analytics", "en", "secret")
def ana_mixpanel_service_account(r):
    user = "reporting.%s.mp-service-account" % rs(r, 6, LD)
    sec = rs(r, 32, AL)
    return "mixpanel_service_account_secret", f"""
Can you add date chunking to this Mixpanel raw export? It times out for a full month.

import requests
from requests.auth import HTTPBasicAuth

auth = HTTPBasicAuth("{user}", "{M("mixpanel_service_account_secret", sec)}")
resp = requests.get(
    "https://data-eu.mixpanel.com/api/2.0/export",
    params={{"project_id": {digits(r, 7)}, "from_date": "2024-05-01", "to_date": "2024-05-31"}},
    auth=auth, stream=True,
)
"""


@tpl("analytics", "ko", "secret")
def ana_amplitude_export_ko(r):
    ak = rs(r, 32, HEX)
    sk = rs(r, 32, HEX)
    return "amplitude_secret_key", f"""
앰플리튜드 Export API로 지난주 이벤트를 내려받으려는데 401이 나와요. 명령어 확인 부탁드립니다.

curl -u {ak}:{M("amplitude_secret_key", sk)} \\
  "https://analytics.eu.amplitude.com/api/2/export?start=20240603T00&end=20240609T23" \\
  -o events.zip

프로젝트는 EU 데이터센터에 있습니다.
"""


# ---------------------------------------------------------------- analytics negatives
@tpl("analytics", "th", "not_secret")
def ana_n_gtag_snippet_th(r):
    mid = "G-" + rs(r, 10, UD)
    return "identifier", f"""
รายงาน GA4 ของร้านนับรวมการเข้าเว็บของพนักงานด้วย จะตัด traffic ภายในออกยังไงคะ โค้ดที่ติดไว้ในส่วน header ตอนนี้:

<script async src="https://www.googletagmanager.com/gtag/js?id={mid}"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', '{mid}');
</script>
"""


@tpl("analytics", "en", "not_secret")
def ana_n_segment_writekey_browser(r):
    wk = rs(r, 32, AL)
    return "public_client_key", f"""
A pentester flagged "Segment write key exposed in client-side JavaScript" as high severity on our storefront. The snippet is:

analytics.load("{wk}");
analytics.page();

Segment's docs say the write key for a JavaScript source is public by design. How should I respond in the report, and is there anything to harden?
"""


@tpl("analytics", "en", "not_secret")
def ana_n_mixpanel_project_token(r):
    tok = rs(r, 32, HEX)
    return "public_client_key", f"""
Mixpanel tracks every event twice in our React app. Init code:

import mixpanel from 'mixpanel-browser';

mixpanel.init('{tok}', {{ debug: false, track_pageview: true, persistence: 'localStorage' }});

It's called inside App() which re-renders. The project token is the public one Mixpanel gives for browser SDKs.
"""


@tpl("analytics", "ru", "not_secret")
def ana_n_amplitude_browser_ru(r):
    k = rs(r, 32, HEX)
    return "public_client_key", f"""
После перехода на новый SDK Amplitude число сессий удвоилось. Инициализация такая:

import * as amplitude from '@amplitude/analytics-browser';
amplitude.init('{k}', {{ defaultTracking: {{ sessions: true, pageViews: true }} }});

Кажется, старый сниппет всё ещё висит в Google Tag Manager.
"""


@tpl("analytics", "ja", "not_secret")
def ana_n_hotjar_id_ja(r):
    return "identifier", f"""
Hotjarのヒートマップで決済ページだけデータが出ません。テーマに入れているトラッキングコードはこれです：

<script>
    (function(h,o,t,j,a,r){{
        h.hj=h.hj||function(){{(h.hj.q=h.hj.q||[]).push(arguments)}};
        h._hjSettings={{hjid:{digits(r, 7)},hjsv:6}};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    }})(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>

決済ページは checkout.shopify.com で、ドメインが違います。
"""


@tpl("analytics", "en", "not_secret")
def ana_n_ga4_env_ref(r):
    return "secret_reference", """
Is this a sensible way to send GA4 Measurement Protocol events from a Cloud Function?

import os, requests

MEASUREMENT_ID = os.environ["GA4_MEASUREMENT_ID"]
API_SECRET = os.environ["GA4_API_SECRET"]  # mounted from Secret Manager

def send(client_id, event):
    requests.post(
        "https://www.google-analytics.com/mp/collect",
        params={"measurement_id": MEASUREMENT_ID, "api_secret": API_SECRET},
        json={"client_id": client_id, "events": [event]},
        timeout=5,
    )
"""


@tpl("analytics", "en", "not_secret")
def ana_n_segment_debugger(r):
    return "request_id", f"""
Segment debugger shows this event but it never reaches Amplitude. What's wrong with it?

{{
  "anonymousId": "{ruuid(r)}",
  "event": "Order Completed",
  "messageId": "ajs-next-{rs(r, 32, HEX)}",
  "properties": {{"order_id": "50314", "revenue": 64.9, "currency": "EUR"}},
  "type": "track",
  "userId": null
}}
"""


# ================================================================ nocode
@tpl("nocode", "en", "secret")
def nc_contentful_cma(r):
    tok = "CFPAT-" + rs(r, 43, AL + "-_")
    return "contentful_management_token", f"""
Running our content migration script fails with "AccessTokenInvalid". Command:

npx contentful-migration --space-id {rs(r, 12, LD)} --environment-id master \\
  --management-token {M("contentful_management_token", tok)} \\
  migrations/2024-06-add-product-badges.js

The token was created by a colleague who has since left. Does it die with their account?
"""


@tpl("nocode", "en", "secret")
def nc_sanity_write_token(r):
    tok = "sk" + rs(r, 180, AL)
    return "sanity_api_token", f"""
Next.js route that creates a Sanity document when someone submits the wholesale form. Works locally, 401 on Vercel. .env.local:

NEXT_PUBLIC_SANITY_PROJECT_ID={rs(r, 8, LD)}
NEXT_PUBLIC_SANITY_DATASET=production
SANITY_API_WRITE_TOKEN={M("sanity_api_token", tok)}

On Vercel I only added the two NEXT_PUBLIC ones, is that the issue?
"""


@tpl("nocode", "en", "secret")
def nc_strapi_token_curl(r):
    tok = rs(r, 256, HEX)
    return "strapi_api_token", f"""
Strapi v4 returns 403 Forbidden when our Astro build fetches products. Request from the build log:

curl "https://cms.brambletea.co/api/products?populate=images" \\
  -H "Authorization: Bearer {M("strapi_api_token", tok)}"

Token type is "Custom" with find/findOne on Product.
"""


@tpl("nocode", "ja", "secret")
def nc_airtable_gas_ja(r):
    tok = "pat" + rs(r, 14, AL) + "." + rs(r, 64, HEX)
    return "airtable_token", f"""
Googleフォームの回答をAirtableの在庫管理ベースに送るGoogle Apps Scriptです。「INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND」と出ます。

const AIRTABLE_TOKEN = '{M("airtable_token", tok)}';
const BASE_ID = 'app{rs(r, 14, AL)}';

function onFormSubmit(e) {{
  UrlFetchApp.fetch(`https://api.airtable.com/v0/${{BASE_ID}}/在庫`, {{
    method: 'post',
    headers: {{ Authorization: 'Bearer ' + AIRTABLE_TOKEN, 'Content-Type': 'application/json' }},
    payload: JSON.stringify({{ fields: {{ 商品名: e.values[1], 数量: Number(e.values[2]) }} }}),
  }});
}}
"""


@tpl("nocode", "pt", "secret")
def nc_notion_pt(r):
    tok = "ntn_" + rs(r, 46, AL)
    return "notion_token", f"""
Quero que os pedidos do meu site de encomendas de bolo entrem automaticamente numa base do Notion. Este código retorna "Could not find database with ID". O que está errado?

from notion_client import Client

notion = Client(auth="{M("notion_token", tok)}")
notion.pages.create(
    parent={{"database_id": "{rs(r, 32, HEX)}"}},
    properties={{"Cliente": {{"title": [{{"text": {{"content": nome}}}}]}}}},
)

Já criei a integração "Pedidos Site" no Notion.
"""


@tpl("nocode", "en", "secret")
def nc_make_webhook(r):
    url = "https://hook.eu2.make.com/" + rs(r, 32, LD)
    return "make_webhook_url", f"""
Our Typeform submissions should hit this Make scenario but nothing arrives. The webhook URL pasted into Typeform:

{M("make_webhook_url", url)}

In Make the webhook module says "Waiting for data". Typeform's test says delivered with 200. Ideas?
"""


@tpl("nocode", "id", "secret")
def nc_n8n_basic_auth_id(r):
    p = pw(r, "id", syms="-_.", ascii_only=True)
    return "password", f"""
Saya pasang n8n di VPS untuk otomatisasi pesanan toko online. Setelah update, halaman login basic auth tidak muncul lagi dan langsung minta bikin akun owner. docker-compose.yml:

services:
  n8n:
    image: n8nio/n8n:1.45.1
    ports: ["5678:5678"]
    environment:
      - N8N_BASIC_AUTH_ACTIVE=true
      - N8N_BASIC_AUTH_USER=admin_toko
      - N8N_BASIC_AUTH_PASSWORD={M("password", p)}
      - WEBHOOK_URL=https://otomasi.tokoku.id/

Apakah basic auth sudah dihapus di versi baru?
"""


@tpl("nocode", "en", "secret")
def nc_webflow_token_en(r):
    tok = rs(r, 64, HEX)
    return "webflow_api_token", f"""
I'm a freelancer in Da Nang building a product sync from Google Sheets to Webflow CMS for a cosmetics shop. The API call returns 401 "not_authorized":

curl https://api.webflow.com/v2/collections/{rs(r, 24, HEX)}/items \\
  -H "Authorization: Bearer {M("webflow_api_token", tok)}" \\
  -H "accept: application/json"

I created the token under Site settings > Apps & integrations with CMS: read-only. Do I need write access for listing items?
"""


@tpl("nocode", "tl", "secret")
def nc_bubble_login_tl(r):
    p = pw(r, "tl", syms="!#", shape="word_digits_sym")
    return "password", f"""
Pakigawa ng maayos na email para sa developer na magfi-fix ng booking app namin sa Bubble:

"Hi Mark, ito yung login sa Bubble editor: bookings@salonmaganda.ph / {M("password", p)}. Yung bug ay sa payment workflow, hindi nagse-save ang appointment kapag GCash ang gamit. Sana matapos bago mag-Biyernes."
"""


@tpl("nocode", "en", "secret")
def nc_zapier_shared_login(r):
    p = pw(r, "en", syms="!#&", shape="walk")
    return "password", f"""
Rewrite this as a short checklist for our part-time ops assistant:

Zapier is where all the order automations live (Shopify -> Google Sheets, Typeform -> Klaviyo). Log in with ops@pawsandclaws.shop, password {M("password", p)} . If a zap is turned off, check Zap History first, then turn it back on. Don't edit the "Refunds" zap.
"""


# ---------------------------------------------------------------- nocode negatives
@tpl("nocode", "en", "not_secret")
def nc_n_contentful_cda(r):
    sid = rs(r, 12, LD)
    tok = rs(r, 43, AL + "-_")
    return "public_client_key", f"""
Our Gatsby site is static and fetches published content in the browser for the "latest recipes" widget. Gatsby config:

{{
  resolve: 'gatsby-source-contentful',
  options: {{
    spaceId: '{sid}',
    accessToken: '{tok}', // Content Delivery API token (published content only, read-only)
  }},
}}

Preview and management tokens are only in the CI secrets. Is shipping the delivery token acceptable?
"""


@tpl("nocode", "en", "not_secret")
def nc_n_sanity_config(r):
    return "identifier", f"""
Sanity Studio shows an empty desk after deploy. sanity.config.ts:

export default defineConfig({{
  name: 'default',
  title: 'Bramble Tea',
  projectId: '{rs(r, 8, LD)}',
  dataset: 'production',
  plugins: [structureTool(), visionTool()],
  schema: {{ types: schemaTypes }},
}})
"""


@tpl("nocode", "en", "not_secret")
def nc_n_airtable_ids(r):
    return "identifier", f"""
Explain what each part of this Airtable link means so I can use it in a Zapier step:

https://airtable.com/app{rs(r, 14, AL)}/tbl{rs(r, 14, AL)}/viw{rs(r, 14, AL)}/rec{rs(r, 14, AL)}?blocks=hide
"""


@tpl("nocode", "pt", "not_secret")
def nc_n_notion_ids_pt(r):
    return "identifier", f"""
Minha integração do Notion consegue ler uma base de dados, mas não a outra. Acho que as duas estão compartilhadas com a integração. IDs:

Base Pedidos: {rs(r, 32, HEX)}
Base Clientes: {ruuid(r)}
Página pai: https://www.notion.so/docesdamarina/Operacao-{rs(r, 32, HEX)}
"""


@tpl("nocode", "en", "not_secret")
def nc_n_strapi_defaults(r):
    return "placeholder", """
Deploying Strapi to Railway for a client, the admin panel won't start: "Missing jwtSecret". The .env I copied from the example:

HOST=0.0.0.0
PORT=1337
APP_KEYS="toBeModified1,toBeModified2"
API_TOKEN_SALT=tobemodified
ADMIN_JWT_SECRET=tobemodified
TRANSFER_TOKEN_SALT=tobemodified
JWT_SECRET=tobemodified

What should I put in each of these, and how do I generate them?
"""


@tpl("nocode", "en", "not_secret")
def nc_n_make_blueprint(r):
    return "no_credential", f"""
This is part of an exported Make scenario blueprint. Why does importing it into the client's account fail on module 2?

{{
  "id": 2,
  "module": "airtable:ActionCreateRecord",
  "version": 3,
  "parameters": {{"__IMTCONN__": {digits(r, 6)}}},
  "mapper": {{"base": "app{rs(r, 14, AL)}", "table": "Orders", "record": {{"Name": "{{{{1.name}}}}"}}}}
}}
"""


@tpl("nocode", "en", "not_secret")
def nc_n_n8n_expressions(r):
    return "secret_reference", """
In an n8n HTTP Request node I want the API key to come from the environment instead of being typed in. Is this the right expression?

Header name: X-Api-Key
Header value: {{ $env.SHOPEE_PARTNER_KEY }}

Or should I create a "Header Auth" credential and select it in the node? The self-hosted instance has N8N_BLOCK_ENV_ACCESS_IN_NODE=false.
"""


@tpl("nocode", "en", "not_secret")
def nc_n_bubble_version(r):
    return "version_string", f"""
Bubble support asked for these details about our app's bug. Which ones are relevant?

App: salon-booking-{rs(r, 5, LD)}
Version: version-test (development), live deployed 2024-06-10 14:32 UTC
Bubble release: 26
Plugin: Stripe.js 2 v1.9.4, Toolbox 3.2.1
Browser: Safari 17.5 on iOS
"""


@tpl("nocode", "en", "not_secret")
def nc_n_notion_rotation(r):
    return "rotation_notice", """
Please tighten this message for our #ops channel:

"Heads up: I regenerated the secret for the 'Pedidos Site' Notion integration because it was pasted in a public Loom video by mistake. The old one no longer works. New one is in Doppler under notion/pedidos. Zapier and the site backend are already updated, nothing for you to do."
"""


@tpl("nocode", "en", "not_secret")
def nc_n_webflow_form(r):
    return "identifier", f"""
Webflow form submissions stopped arriving in our inbox. Published HTML of the form:

<form id="wf-form-Wholesale-Enquiry" name="wf-form-Wholesale-Enquiry" data-name="Wholesale Enquiry" method="get" data-wf-page-id="{rs(r, 24, HEX)}" data-wf-element-id="{ruuid(r)}">

Site ID in the dashboard: {rs(r, 24, HEX)}. Notifications are set to orders@brambletea.co.
"""


# ================================================================ accounting
@tpl("accounting", "en", "secret")
def acc_xero_node(r):
    cid = rs(r, 32, UHEX)
    sec = rs(r, 48, AL + "-_")
    return "xero_client_secret", f"""
Our invoice sync to Xero fails with "unauthorized_client" after I moved it to a new server. Setup code:

const xero = new XeroClient({{
  clientId: '{cid}',
  clientSecret: '{M("xero_client_secret", sec)}',
  redirectUris: ['https://app.northwindstudio.io/xero/callback'],
  scopes: 'openid profile email accounting.transactions offline_access'.split(' '),
}});

The redirect URI is the same as before, only the host changed.
"""


@tpl("accounting", "en", "secret")
def acc_quickbooks_python(r):
    cid = "AB" + rs(r, 48, AL)
    sec = rs(r, 40, AL)
    rt = "AB11" + digits(r, 11) + rs(r, 35, AL)
    return "quickbooks_client_secret", f"""
Why does refreshing the QuickBooks token raise "invalid_grant"? It worked for 100 days and then stopped.

from intuitlib.client import AuthClient

auth_client = AuthClient(
    client_id="{cid}",
    client_secret="{M("quickbooks_client_secret", sec)}",
    environment="production",
    redirect_uri="https://books.northwindstudio.io/qbo/callback",
)
auth_client.refresh(refresh_token="{M("quickbooks_refresh_token", rt)}")
"""


@tpl("accounting", "en", "secret")
def acc_zoho_refresh_curl(r):
    cid = "1000." + rs(r, 30, UD)
    sec = rs(r, 42, LD)
    rt = "1000." + rs(r, 32, HEX) + "." + rs(r, 32, HEX)
    return "zoho_refresh_token", f"""
Zoho Books API: getting a new access token returns {{"error":"invalid_client"}}. We're on the EU data centre. Command:

curl -X POST "https://accounts.zoho.com/oauth/v2/token" \\
  -d "refresh_token={M("zoho_refresh_token", rt)}" \\
  -d "client_id={cid}" \\
  -d "client_secret={M("zoho_client_secret", sec)}" \\
  -d "grant_type=refresh_token"
"""


@tpl("accounting", "de", "secret")
def acc_holded_de(r):
    k = rs(r, 32, HEX)
    return "holded_api_key", f"""
Unsere spanische Niederlassung nutzt Holded für Rechnungen. Ich will die offenen Rechnungen per Skript in unser deutsches Controlling-Sheet holen, bekomme aber eine leere Liste:

curl -H "key: {M("holded_api_key", k)}" \\
  "https://api.holded.com/api/invoicing/v1/documents/invoice?paid=0"

Müssen wir den Zeitraum mit starttmp/endtmp angeben?
"""


@tpl("accounting", "pl", "secret")
def acc_wfirma_login_pl(r):
    p = pw(r, "pl", syms="!#*")
    return "password", f"""
Napisz proszę uprzejmego maila do naszej nowej księgowej z danymi dostępowymi. Moja wersja robocza:

"Dzień dobry Pani Ewo, przesyłam dostęp do wFirma: login biuro@ceramikaolenka.pl, hasło {M("password", p)} . Faktury sprzedażowe wystawiamy sami, koszty wrzucamy do folderu 'Koszty 2024'. JPK proszę wysyłać do 20. dnia miesiąca."
"""


@tpl("accounting", "en", "secret")
def acc_moysklad_en(r):
    tok = rs(r, 40, HEX)
    return "moysklad_api_token", f"""
I'm pulling stock levels from MoySklad into a sheet for our marketplace listings (we sell in Kazakhstan and Russia). This returns 401 "authentication error":

import requests

r = requests.get(
    "https://api.moysklad.ru/api/remap/1.2/report/stock/all",
    headers={{"Authorization": "Bearer {M("moysklad_api_token", tok)}", "Accept-Encoding": "gzip"}},
)

I created the token under Settings > Tokens with my own user.
"""


@tpl("accounting", "th", "secret")
def acc_xero_login_th(r):
    p = pw(r, "th", syms="!@#", shape="word_digits_sym")
    return "password", f"""
ช่วยเขียนอีเมลถึงสำนักงานบัญชีให้สุภาพหน่อยค่ะ เนื้อหาประมาณนี้

เรียนคุณสมชาย ขอส่งข้อมูลเข้าระบบ Xero ของบริษัทเพื่อปิดงบเดือนพฤษภาคม อีเมล account@baankafae.co.th รหัสผ่าน {M("password", p)} ใบกำกับภาษีซื้ออยู่ในโฟลเดอร์ Google Drive ที่แชร์ไว้แล้วค่ะ
"""


@tpl("accounting", "en", "secret")
def acc_freshbooks_va(r):
    p = pw(r, "en", syms="!$*", shape="leet")
    return "password", f"""
I'm a freelance photographer. Please turn my messy note into clear instructions for my virtual assistant:

freshbooks - my.freshbooks.com, login studio@alexkimphoto.com pw {M("password", p)}
- chase unpaid invoices older than 30 days (friendly reminder template)
- don't touch the retainer clients
- log mileage from my calendar every Friday
"""


@tpl("accounting", "en", "secret")
def acc_qbo_security_answer(r):
    p = pw(r, "en", syms="!#", shape="two_words")
    ans = r.choice(["Pembroke", "Mrs Okafor", "Biscuit", "Llandudno"])
    return "password", f"""
My business partner left and I need to get into QuickBooks Online. I found her notes: Intuit account sarah@greenleafstationery.co.uk, password {M("password", p)}, security question "first pet" answer {M("password", ans)}. Is it OK to just log in as her, or should I ask Intuit to transfer the primary admin role? What's the correct process?
"""


# ---------------------------------------------------------------- accounting negatives
@tpl("accounting", "en", "not_secret")
def acc_n_xero_tenant(r):
    return "identifier", f"""
Which Xero organisation is this invoice posting to? We have two (UK Ltd and the Irish branch).

Xero-tenant-id: {ruuid(r)}
InvoiceID: {ruuid(r)}
InvoiceNumber: INV-0{digits(r, 3)}
Contact: Lumen Candles Ltd
CurrencyCode: EUR
"""


@tpl("accounting", "en", "not_secret")
def acc_n_qbo_realm(r):
    return "identifier", f"""
Our QuickBooks webhook handler logs this. How do I tell which company it's for?

{{"eventNotifications":[{{"realmId":"{digits(r, 19)}","dataChangeEvent":{{"entities":[{{"name":"Invoice","id":"{digits(r, 4)}","operation":"Update","lastUpdated":"2024-06-11T08:14:55.000Z"}}]}}}}]}}
"""


@tpl("accounting", "en", "not_secret")
def acc_n_zoho_env(r):
    return "secret_reference", f"""
Review this config loader for our Zoho Invoice integration, please:

ZOHO_CLIENT_ID = "1000.{rs(r, 30, UD)}"
ZOHO_CLIENT_SECRET = keyring.get_password("zoho-invoice", "client_secret")
ZOHO_REFRESH_TOKEN = keyring.get_password("zoho-invoice", "refresh_token")
ZOHO_ORG_ID = os.getenv("ZOHO_ORG_ID")

The client ID is fine to keep in code, right?
"""


@tpl("accounting", "de", "not_secret")
def acc_n_vat_ids_de(r):
    return "identifier", f"""
Prüf bitte diese USt-IdNrn. für die Reverse-Charge-Rechnungen und sag mir, welches Format falsch aussieht:

Lumen Candles Ltd - GB{digits(r, 9)}
Kaffeerösterei Weber GmbH - DE{digits(r, 9)}
Ceramika Olenka - PL{digits(r, 10)}
Nordic Gear AB - SE{digits(r, 10)}01
"""


@tpl("accounting", "en", "not_secret")
def acc_n_xero_signature(r):
    sig = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
    return "signature", f"""
Xero webhook "Intent to receive" keeps failing. My endpoint logs:

POST /xero/webhooks
x-xero-signature: {sig}
content-length: 90
body: {{"events":[],"firstEventSequence": 0,"lastEventSequence": 0, "entropy": "{rs(r, 20, UP)}"}}

computed: {base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()}
I return 401 when they differ and 200 otherwise. Am I hashing the parsed JSON instead of the raw body?
"""


@tpl("accounting", "en", "not_secret")
def acc_n_password_policy(r):
    return "password_policy", """
Our accounting firm wants a simple written policy for client portal logins. Draft one based on this:

- at least 14 characters, passphrases encouraged
- MFA required for Xero, QuickBooks and the bank feeds
- no sharing of logins: each staff member gets their own user
- clients never send passwords by email; we use invite links
- review user access every quarter
"""


@tpl("accounting", "pl", "not_secret")
def acc_n_invoice_numbers_pl(r):
    return "order_id", f"""
Uzgodnij proszę wpłaty z fakturami — która wpłata pasuje do której faktury?

Wpłaty:
PAY-{digits(r, 6)}  420,00 zł  tytuł "FV 412/2024 Olenka"
PAY-{digits(r, 6)}  89,50 zł   tytuł "zamówienie 50314"
PAY-{digits(r, 6)}  1200,00 zł tytuł "PO 7781-B"

Otwarte faktury: FV 412/2024 (420,00 zł), FV 415/2024 (1200,00 zł), FV 419/2024 (89,50 zł)
"""


@tpl("accounting", "en", "not_secret")
def acc_n_einvoice_hash(r):
    return "hash", f"""
Our Portuguese invoicing software prints this on every invoice. What is it and do I need to keep it?

Fatura FT 2024/{digits(r, 3)}
ATCUD: {rs(r, 8, UD)}-{digits(r, 3)}
Hash: {rs(r, 4, AL)}-Processado por programa certificado n.º {digits(r, 4)}/AT
Full document hash (SHA-1, base64): {base64.b64encode(bytes(r.getrandbits(8) for _ in range(20))).decode()}
"""


# ================================================================ webhook
@tpl("webhook", "en", "secret")
def wh_stripe_construct_event(r):
    wh = "whsec_" + rs(r, 32, AL)
    return "stripe_webhook_secret", f"""
Stripe webhook verification fails only on Vercel, works with the Stripe CLI locally. Next.js route:

export async function POST(req) {{
  const body = await req.text();
  const sig = req.headers.get('stripe-signature');
  const event = stripe.webhooks.constructEvent(body, sig, '{M("stripe_webhook_secret", wh)}');
  // ...
}}

I copied the secret from the Dashboard endpoint page, not from `stripe listen`.
"""


@tpl("webhook", "en", "secret")
def wh_adyen_hmac(r):
    k = rs(r, 64, UHEX)
    return "adyen_hmac_key", f"""
Adyen webhooks are rejected by our HMAC check. The Java validator:

private static final String HMAC_KEY = "{M("adyen_hmac_key", k)}";

boolean valid = new HMACValidator().validateHMAC(item, HMAC_KEY);

In the Customer Area the webhook shows "HMAC key generated" on 5 June. Did generating it again change the key?
"""


@tpl("webhook", "zh", "secret")
def wh_shopify_signing_zh(r):
    k = rs(r, 64, HEX)
    return "shopify_webhook_secret", f"""
我们在 Shopify 后台"通知 > Webhook"里建了订单创建的 webhook，页面上写着"您的 webhook 将使用以下密钥签名"：

{M("shopify_webhook_secret", k)}

我在 Flask 里用这个密钥对 request.data 做 HMAC-SHA256 再 base64，和 X-Shopify-Hmac-Sha256 对不上。是不是要用 get_data() 的原始字节？
"""


@tpl("webhook", "en", "secret")
def wh_xendit_callback_token(r):
    tok = rs(r, 48, AL)
    return "xendit_callback_token", f"""
Our Jakarta shop receives Xendit invoice callbacks but my middleware rejects all of them. Express code:

const XENDIT_CALLBACK_TOKEN = '{M("xendit_callback_token", tok)}';

app.post('/xendit/invoice-paid', (req, res) => {{
  if (req.get('x-callback-token') !== XENDIT_CALLBACK_TOKEN) return res.sendStatus(403);
  markPaid(req.body.external_id);
  res.sendStatus(200);
}});
"""


# ---------------------------------------------------------------- webhook negatives
@tpl("webhook", "ar", "not_secret")
def wh_n_stripe_signature_ar(r):
    t = 1718092800 + r.randint(0, 86400)
    return "signature", f"""
سجل الخادم يُظهر هذه الترويسة في طلب webhook من Stripe، لكن التحقق يفشل. ما معنى الأجزاء t و v1؟

Stripe-Signature: t={t},v1={rs(r, 64, HEX)},v0={rs(r, 64, HEX)}
Content-Type: application/json; charset=utf-8
User-Agent: Stripe/1.0 (+https://stripe.com/docs/webhooks)
"""


@tpl("webhook", "en", "not_secret")
def wh_n_shopify_headers(r):
    hm = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
    return "signature", f"""
Got duplicate orders in our ERP. These are the headers of two webhook deliveries, are they the same event?

X-Shopify-Topic: orders/create
X-Shopify-Hmac-Sha256: {hm}
X-Shopify-Shop-Domain: harbor-candle-co.myshopify.com
X-Shopify-Webhook-Id: {ruuid(r)}
X-Shopify-Event-Id: {ruuid(r)}
X-Shopify-Triggered-At: 2024-06-11T09:14:02.511Z
"""


@tpl("webhook", "id", "not_secret")
def wh_n_midtrans_notification_id(r):
    return "signature", f"""
Midtrans mengirim notifikasi ini ke endpoint kami. Verifikasi saya pakai SHA512(order_id+status_code+gross_amount+ServerKey) tapi hasilnya tidak cocok. Urutan field yang benar bagaimana?

{{
  "transaction_time": "2024-06-11 16:20:11",
  "transaction_status": "settlement",
  "transaction_id": "{ruuid(r)}",
  "status_code": "200",
  "signature_key": "{rs(r, 128, HEX)}",
  "payment_type": "qris",
  "order_id": "TOKO-20240611-0042",
  "gross_amount": "185000.00",
  "currency": "IDR"
}}
"""


@tpl("webhook", "en", "not_secret")
def wh_n_receiver_urls(r):
    return "webhook_url", """
Here are the webhook endpoints we registered with each provider. Can you turn this into a table and point out any that aren't HTTPS?

Stripe:      https://api.pawsandclaws.shop/webhooks/stripe
PayPal:      https://api.pawsandclaws.shop/webhooks/paypal
Shopify:     https://api.pawsandclaws.shop/webhooks/shopify/orders-create
Klaviyo:     https://api.pawsandclaws.shop/webhooks/klaviyo
Old Mollie:  http://pawsandclaws.shop/mollie-webhook.php
"""


@tpl("webhook", "en", "not_secret")
def wh_n_paypal_event(r):
    return "identifier", f"""
PayPal webhook verification returns FAILURE for this event. Which IDs do I pass to /v1/notifications/verify-webhook-signature?

PAYPAL-TRANSMISSION-ID: {ruuid(r)}
PAYPAL-TRANSMISSION-TIME: 2024-06-11T09:21:43Z
PAYPAL-CERT-URL: https://api.paypal.com/v1/notifications/certs/CERT-360caa42-fca2a594-{rs(r, 8, HEX)}
PAYPAL-AUTH-ALGO: SHA256withRSA
webhook_id (from the developer dashboard): {rs(r, 17, UD)}
event id: WH-{rs(r, 17, UD)}-{rs(r, 17, UD)}
"""


@tpl("webhook", "en", "not_secret")
def wh_n_mollie_id_only(r):
    return "identifier", f"""
Mollie calls our webhook but the body only contains this. Where's the payment status? Is something missing?

POST /mollie/webhook HTTP/1.1
Host: shop.gartenliebe.de
Content-Type: application/x-www-form-urlencoded

id=tr_{rs(r, 10, AL)}
"""


@tpl("webhook", "en", "not_secret")
def wh_n_secret_from_env(r):
    return "secret_reference", """
Code review: is this Shopify webhook verification constant-time and correct?

import base64, hashlib, hmac, os

def verify(raw_body: bytes, header_hmac: str) -> bool:
    secret = os.environ["SHOPIFY_WEBHOOK_SECRET"].encode()
    digest = hmac.new(secret, raw_body, hashlib.sha256).digest()
    return hmac.compare_digest(base64.b64encode(digest).decode(), header_hmac)
"""


@tpl("webhook", "en", "not_secret")
def wh_n_adyen_payload(r):
    sig = base64.b64encode(bytes(r.getrandbits(8) for _ in range(32))).decode()
    return "signature", f"""
Adyen standard notification for a refund. Which field tells me the refund succeeded, and where do I verify the signature?

{{
  "live": "true",
  "notificationItems": [{{
    "NotificationRequestItem": {{
      "additionalData": {{"hmacSignature": "{sig}"}},
      "amount": {{"currency": "SEK", "value": 12900}},
      "eventCode": "REFUND",
      "merchantAccountCode": "NordicGearECOM",
      "merchantReference": "order-51882",
      "originalReference": "{rs(r, 16, UD)}",
      "pspReference": "{rs(r, 16, UD)}",
      "success": "true"
    }}
  }}]
}}
"""


# ---------------------------------------------------------------- build
WORDCH = set(string.ascii_letters + string.digits + "_")


def render(marked):
    text, ents, pos, last = [], [], 0, 0
    for m in MARK.finditer(marked):
        text.append(marked[last:m.start()])
        pos += m.start() - last
        kind, glue, val = m.group(1), m.group(2), m.group(3)
        ents.append({"type": kind, "start": pos, "end": pos + len(val), "value": val, "_glued": glue == "\x05"})
        text.append(val)
        pos += len(val)
        last = m.end()
    text.append(marked[last:])
    return "".join(text), ents


def build():
    names = [t["name"] for t in TEMPLATES]
    dup = [n for n, c in collections.Counter(names).items() if c > 1]
    assert not dup, "duplicate template names: %s" % dup
    order = list(range(len(TEMPLATES)))
    random.Random(SEED).shuffle(order)
    rows, meta = [], []
    for i, ti in enumerate(order):
        t = TEMPLATES[ti]
        r = random.Random(SEED + "/" + t["name"])
        rtype, marked = t["fn"](r)
        marked = marked.strip()
        text, ents = render(marked)
        assert "\x01" not in text and "\x02" not in text and "\x03" not in text and "\x05" not in text, t["name"]
        rows.append({
            "id": "%s%03d" % (ID_PREFIX, i),
            "text": text,
            "label": t["label"],
            "type": rtype,
            "entities": ents,
            "spans_known": True,
            "source": {"repo": REPO},
        })
        meta.append(t)
    return rows, meta


def validate(rows, meta):
    errs = []
    texts = set()
    for row, t in zip(rows, meta):
        name, text, ents = t["name"], row["text"], row["entities"]
        where = "%s (%s)" % (row["id"], name)
        if text in texts:
            errs.append(where + ": duplicate text")
        texts.add(text)
        if text != text.strip():
            errs.append(where + ": text has surrounding whitespace")
        if row["label"] == "not_secret":
            if ents:
                errs.append(where + ": not_secret row has entities")
            if row["type"] not in NEG_TYPES:
                errs.append(where + ": unknown negative type " + row["type"])
        else:
            if not ents:
                errs.append(where + ": secret row without entities")
            if row["type"] in NEG_TYPES:
                errs.append(where + ": secret row typed as a negative category")
            if row["type"] not in {e["type"] for e in ents}:
                errs.append(where + ": row type is not among its entity types")
        spans = sorted((e["start"], e["end"]) for e in ents)
        for a, b in zip(spans, spans[1:]):
            if a[1] > b[0]:
                errs.append(where + ": overlapping spans")
        for e in ents:
            s, en, v = e["start"], e["end"], e["value"]
            if not re.fullmatch(r"[a-z][a-z0-9_]*", e["type"]):
                errs.append(where + ": bad entity type " + e["type"])
            if text[s:en] != v:
                errs.append(where + ": span does not match value")
            if not v or v != v.strip():
                errs.append(where + ": empty value or surrounding whitespace")
            if not e["_glued"] and s > 0 and text[s - 1] in WORDCH and text[s] in WORDCH:
                errs.append(where + ": span starts inside a word: %r" % text[max(0, s - 10):s + 10])
            if en < len(text) and text[en] in WORDCH and text[en - 1] in WORDCH:
                errs.append(where + ": span ends inside a word: %r" % text[en - 10:en + 10])
            for d in DOC_EXAMPLES:
                if d in v:
                    errs.append(where + ": documentation example is marked")
            # every occurrence of the value is covered
            i = text.find(v)
            while i != -1:
                if not any(x["start"] <= i and i + len(v) <= x["end"] for x in ents):
                    errs.append(where + ": uncovered occurrence of %r at %d" % (v[:30], i))
                i = text.find(v, i + 1)
    n = len(rows)
    if not (230 <= n <= 250):
        errs.append("row count %d outside 230-250" % n)
    ids = [r["id"] for r in rows]
    if len(set(ids)) != n or ids != ["%s%03d" % (ID_PREFIX, i) for i in range(n)]:
        errs.append("ids are not unique and sequential")
    sec = [r for r in rows if r["label"] == "secret"]
    share = len(sec) / n
    if not (0.50 <= share <= 0.57):
        errs.append("secret share %.3f outside 50-57%%" % share)
    ne = sum(1 for t in meta if t["lang"] != "en") / n
    if not (0.35 <= ne <= 0.50):
        errs.append("non-English share %.3f outside 35-50%%" % ne)
    hp = sum(1 for r in sec if r["type"] in HUMAN_SECRET_TYPES) / len(sec)
    if not (0.35 <= hp <= 0.50):
        errs.append("human-password share %.3f outside 35-50%%" % hp)
    langs = {t["lang"] for t in meta} - {"en"}
    if len(langs) < 12:
        errs.append("only %d non-English languages" % len(langs))
    for lg in langs:
        labs = {t["label"] for t in meta if t["lang"] == lg}
        if labs != {"secret", "not_secret"}:
            errs.append("language %s lacks secret or negative rows" % lg)
    return errs


def serialise(rows):
    out = []
    for r in rows:
        r2 = dict(r)
        r2["entities"] = [{"type": e["type"], "start": e["start"], "end": e["end"], "value": e["value"]} for e in r["entities"]]
        out.append(json.dumps(r2, ensure_ascii=False))
    return ("\n".join(out) + "\n").encode("utf-8")


def stats(rows, meta):
    n = len(rows)
    lab = collections.Counter(r["label"] for r in rows)
    sec = [r for r in rows if r["label"] == "secret"]
    ne = sum(1 for t in meta if t["lang"] != "en")
    hp = sum(1 for r in sec if r["type"] in HUMAN_SECRET_TYPES)
    print("rows: %d" % n)
    print("label: not_secret %d, secret %d  (secret share %.1f%%)" % (lab["not_secret"], lab["secret"], 100.0 * lab["secret"] / n))
    print("non-English rows: %d (%.1f%%)" % (ne, 100.0 * ne / n))
    print("templates: %d (each used once)" % len(TEMPLATES))
    print("human-password rows (password, password_spelled, pin): %d of %d secret rows (%.1f%%)" % (hp, len(sec), 100.0 * hp / len(sec)))
    print()
    print("%-20s %7s %11s %6s" % ("group", "secret", "not_secret", "total"))
    for g in GROUPS:
        s = sum(1 for t in meta if t["group"] == g and t["label"] == "secret")
        ns = sum(1 for t in meta if t["group"] == g and t["label"] == "not_secret")
        print("  %-18s %7d %11d %6d" % (g, s, ns, s + ns))
    print()
    print("%-20s %7s %11s %6s" % ("language", "secret", "not_secret", "total"))
    for lg, nm in LANGS.items():
        s = sum(1 for t in meta if t["lang"] == lg and t["label"] == "secret")
        ns = sum(1 for t in meta if t["lang"] == lg and t["label"] == "not_secret")
        if s + ns:
            print("  %-2s %-15s %7d %11d %6d" % (lg, nm, s, ns, s + ns))
    for label in ("secret", "not_secret"):
        c = collections.Counter(r["type"] for r in rows if r["label"] == label)
        print()
        print("row type (%s, %d kinds):" % (label, len(c)))
        for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
            print("  %-34s %d" % (k, v))
    c = collections.Counter(e["type"] for r in rows for e in r["entities"])
    print()
    print("entity type (%d spans, %d kinds):" % (sum(c.values()), len(c)))
    for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-34s %d" % (k, v))


def main(argv):
    rows, meta = build()
    errs = validate(rows, meta)
    if errs:
        for e in errs:
            print("ERROR:", e, file=sys.stderr)
        return 1
    data = serialise(rows)
    if "--stats" in argv:
        stats(rows, meta)
        return 0
    if "--check" in argv:
        with open(OUT, "rb") as f:
            old = f.read()
        if old != data:
            print("MISMATCH: holdout.jsonl differs from a fresh build", file=sys.stderr)
            return 1
        print("OK: holdout.jsonl matches a fresh build (%d rows, sha256 %s)" % (len(rows), hashlib.sha256(data).hexdigest()))
        return 0
    with open(OUT, "wb") as f:
        f.write(data)
    print("wrote %s: %d rows, sha256 %s" % (OUT, len(rows), hashlib.sha256(data).hexdigest()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
