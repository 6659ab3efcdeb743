package pii

import (
	"context"
	"fmt"
	"testing"

	"github.com/parapet-dev/parapet/engine/analysis"
)

func TestProbe(t *testing.T) {
	d := New(Options{})
	for _, s := range []string{
		"Contact John at john.smith@acme-corp.com or 415-555-0132.",
		"My phone number is +1 (415) 555-0132 and my work line is 415.555.0199 ext 204.",
		"Please call 0044 20 7946 0958 or +44 (0) 20 7946 0958",
		"Tel: +49 30 901820, Fax: +49-30-90182-100",
		"Numéro : +33 6 12 34 56 78",
		"His number is 07700 900461",
		"Reach me on 9876543210",
		"My cell is 5551234567.",
		"phone 555-1234",
		"Ph: (02) 9374 4000",
		"Card: 5425-2334-3010-9903 exp 04/26 cvv 123",
		"Payment with AMEX 3714 496353 98431 was declined",
		"Use card ending 1234",
		"Transaction ID 4532015112830366 was processed",
		"Account: 000123456789, routing 021000021",
		"SSN 219-09-9999 and 457-55-5462",
		"Social Security No. 457 55 5462",
		"IP: 172.16.254.1; IPv6 FE80:0000:0000:0000:0202:B3FF:FE1E:8329",
		"connect to [2001:db8::ff00:42:8329]:443",
		"born 1985-03-15, DOB 15.03.1985, birth date 15/03/85",
		"Date of Birth: 12th January 1975",
		"Passport No: 530004573 issued 2019",
		"IBAN: NL91 ABNA 0417 1643 00, BIC ABNANL2A",
		"IBAN CH93-0076-2011-6238-5295-7",
		"Send BTC to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
		"NHS No 485 777 3456 for patient",
		"Version 2.0.0.1 released; build 10.0.19041.1",
		"Call 1-800-FLOWERS or 1-800-356-9377",
		"The meeting is at 10:30 in room 4.12, budget $1,234,567.89",
		"Order #123-456-7890 shipped via UPS 1Z999AA10123456784",
		"ISBN 978-3-16-148410-0 and ISBN 0-306-40615-2",
		"coordinates 40.7128, -74.0060",
		"From 2010-2015 sales grew 25%",
		"Agent 007 and room 101",
		"timestamp 1700000000000 and 1700000000",
		"GUID 123e4567-e89b-12d3-a456-426614174000",
		"sha 3f786850e387550fdab836ed7e6dc881de23001b",
		"mac address 3C:22:FB:12:34:56",
	} {
		var r analysis.Report
		d.Scan(context.Background(), &analysis.Field{Text: s}, &r)
		fmt.Printf("%q\n", s)
		for _, f := range r.Findings {
			fmt.Printf("    %-18s %.2f %q\n", f.Type, f.Score, s[f.ByteStart:f.ByteEnd])
		}
	}
}
