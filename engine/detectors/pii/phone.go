package pii

import "github.com/nyaruka/phonenumbers"

// phoneValid reports whether num ("+CC..." or national digits) is a
// valid number by libphonenumber's metadata, reading national numbers in
// region. It is called only on candidates that passed the cheap shape
// checks, since parsing allocates.
func phoneValid(num, region string) bool {
	pn, err := phonenumbers.Parse(num, region)
	if err != nil {
		return false
	}
	return phonenumbers.IsValidNumber(pn)
}
