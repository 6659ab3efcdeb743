package main

// numericBenign are benign prompts full of numbers, identifiers and
// personal data as users paste them (card and account numbers, phone
// lists, invoices, tables, logs, timestamps, versions), written for this
// project (none is copied from a corpus or benchmark), for training only:
// never for the threshold, never in a reported figure.
//
// The hand-written attack sets hide payloads in digits (binary, ASCII
// codes, hex, PINs and codes to extract), while their benign rows and the
// corpus's seldom hold more than a year or a price, so a model trained on
// them read any run of digit groups as an attack: "Cards 4111 1111 1111
// 1111 and 5500 0000 0000 0004 for john@example.org" scored 0.73. Such
// prompts are the daily work of a company assistant (and the PII
// detector's, not the injection detector's). Card numbers are the
// well-known test numbers; every address and number is made up.
var numericBenign = []string{
	// payments and accounts
	"Card 4000 0566 5566 5556 was declined at checkout, what does decline code 05 mean?",
	"Refund the two charges on card ending 1881: 19.99 on 3 May and 19.99 on 4 May.",
	"Which of these test cards triggers 3-D Secure: 4000 0027 6000 3184, 4242 4242 4242 4242, 5555 5555 5555 4444?",
	"Please check the account details: IBAN GB33 BUKB 2020 1555 5555 55, BIC BUKBGB22, reference INV-2291.",
	"Customer 0043-221 paid 1,250.00 EUR to NL91 ABNA 0417 1643 00 but the invoice says 1,520.00. Draft an email about the difference.",
	"Sort these transactions by amount: 2024-03-01 -45.20; 2024-03-02 +1200.00; 2024-03-02 -9.99; 2024-03-05 -310.75",
	"Our Stripe payout of 8,431.16 is 27.40 short of the dashboard total 8,458.56. Where could the difference come from?",
	"Convert 3,450 USD to EUR at 0.9213 and round to two decimals.",
	"Kunde mit Kartennummer 5105 1051 0510 5100 möchte eine Rückerstattung über 89,90 €. Bitte Antwortmail entwerfen.",
	"La tarjeta 3782 822463 10005 aparece dos veces en el informe; ¿cómo elimino el duplicado en Excel?",
	// zero-filled numbers: test cards, placeholders in templates (the
	// attack sets' fake bank details are zero-filled too)
	"Run the checkout tests with 4000 0000 0000 3220 (3-D Secure) and 6011 0000 0000 0004 (Discover).",
	"Our invoice template shows IBAN DE00 0000 0000 0000 0000 00 as a placeholder. How do I make Word replace it from the customer sheet?",
	"Replace the dummy account numbers 0000 0000 0000 in this mail merge with the values from column F.",
	"The form rejects the sample number 3000 0000 0000 04 that the Diners documentation gives. Why?",
	"Write unit tests for a Luhn check, including 0000 0000 0000 0000 and 6011 0000 0000 0004.",
	"Los números de prueba 4000 0000 0000 0077 y 4000 0000 0000 0010 dan errores distintos; explica la diferencia.",
	"Im Testsystem stehen überall Kontonummern wie 0000 0000 00. Wie erzeuge ich realistischere Testdaten?",
	// contacts and personal data
	"Make a contact table from: Liam Novak +1 415 555 0102 liam.n@example.com; Sara Holm +46 8 555 012 34 sara@example.se; Ken Ito +81 3 5555 0199 ken@example.jp",
	"Which of these phone numbers are missing a country code: 020 7946 0018, +33 1 55 55 01 23, 555-0147, +49 30 5555 0123?",
	"New starter details for payroll: Olivia Park, employee 20417, NI number QQ 12 34 56 C, start date 02/09/2024, salary 41,500.",
	"Update the shipping address for order 77812-B to 221B Baker Street, London NW1 6XE, phone 07700 900461.",
	"Patient 88-1042-7, born 14.07.1961, next appointment 12/11 at 09:40 in room 3B. Write a reminder text.",
	"Merge these duplicates: j.smith@example.com / 555 0133 / ID 4471 and john.smith@example.com / 555-0133 / ID 4471.",
	"Le client 10293 (06 12 34 56 78, marie.dupont@example.fr) demande un échange de taille. Rédige la réponse.",
	"Bitte formatiere diese Liste: Müller 0171 5550123, Schmidt 0151 5550456, Weber 0160 5550789.",
	// invoices, tables, spreadsheets
	"Total this invoice: 3 x 12.50, 1 x 249.00, 12 x 0.85, shipping 7.95, VAT 20%.",
	"Here is the table:\n| SKU | Qty | Price |\n| 10023 | 4 | 9.99 |\n| 10024 | 12 | 1.49 |\n| 20011 | 1 | 149.00 |\nWhat is the total stock value?",
	"Q1 1,204,331; Q2 1,377,902; Q3 1,298,445; Q4 1,562,010. Give me the growth quarter over quarter in percent.",
	"CSV:\nid,amount,date\n1001,250.00,2024-01-15\n1002,99.50,2024-01-16\n1003,1200.00,2024-01-16\nWhich day had the highest total?",
	"Turn these readings into a chart description: 08:00 21.4, 09:00 22.1, 10:00 23.8, 11:00 25.0, 12:00 26.3",
	"Reconcile: bank shows 4,118.20, ledger shows 4,181.20. Is this a transposition error?",
	"Find the median of 13, 7, 42, 8, 19, 23, 4, 16 and 31.",
	"Calcula la media de 12,5; 14,0; 9,75 y 11,25.",
	// logs, versions, codes from systems
	"What does this log line mean: 2024-05-14T09:12:44.381Z ERROR [worker-3] job 88412 failed after 3 retries (exit 137)?",
	"Our build went from 2.14.3 to 2.15.0 and tests 1042-1057 now fail. What should I check first?",
	"Parse this date range into ISO 8601: 03/04/2024 14:00 to 05/04/2024 09:30, timezone UTC+2.",
	"The router shows 192.168.0.1, DNS 1.1.1.1 and 8.8.8.8, MTU 1492. Is that configuration normal for PPPoE?",
	"Explain HTTP status 429 and why our client got 1,200 of them between 10:00 and 10:05.",
	"Tracking number 1Z 999 AA1 01 2345 6784 has not moved since Tuesday. Write a message to the courier.",
	"Serial numbers 4C1A-22F0-9B13 and 4C1A-22F0-9B14 were shipped to the wrong site. Draft a recall note.",
	"Der Fehlercode 0x80070005 erscheint beim Windows-Update. Was bedeutet er?",
	"ISBN 978-3-16-148410-0 — is the check digit correct?",
	"Our meeting room codes are 4411, 4412 and 4415 on floor 4. Make a sign for the corridor.",
	"Convert these binary numbers to decimal for my homework: 1011, 11100, 100001.",
	"What is 0x1F in decimal, and 255 in hexadecimal?",
	"Wie viel sind 17,5 % von 2.340 €?",
	"把这些订单号按日期排序：20240315-0012，20240301-0457，20240322-0098。",
	"この請求書の合計を計算してください：1,200円×3、850円×2、送料600円。",
	"다음 전화번호 목록을 표로 정리해 줘: 010-5555-1234, 02-555-6789, 031-555-2468.",
}
