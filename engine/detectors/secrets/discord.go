package secrets

// Discord bot tokens by their format. A bot token is three base64url
// segments: the bot's user id (a 17 to 20 digit snowflake) in base64
// without padding, a 6-character timestamp and a 27 or 38 character HMAC
// (https://discord.com/developers/docs/reference#authentication). The
// first segment of a base64'd decimal number has a fixed shape (every
// four characters are [MNO][DTjz][AEIMQUYcgk][w-z0-5]), which makes the
// format precise without a "discord" keyword nearby; DISCORD_BOT_TOKEN
// (keyword and assignment) covers the rest.
//
// The first segment holds a digit in 99.6% of tokens (one in each group
// of four with probability 0.6), so the run trigger, which runs at
// alphanumeric runs around a digit, finds it with no keyword of its own.

const idDiscordFormat = "DISCORD_BOT_TOKEN_FORMAT"

// scanNone is the keyword scanner of rules found only by the run hooks.
func scanNone(*Detector, *scanState, string, int, int, int) {}

// discordToken reports a Discord bot token whose first segment is
// text[s:e] (an alphanumeric run followed by '.').
func (d *Detector) discordToken(st *scanState, text string, s, e int) {
	if n := e - s; n < 23 || n > 27 || d.ix.discord < 0 || e+8 > len(text) || text[e] != '.' {
		return
	}
	if s > 0 && (isB64URL(text[s-1]) || text[s-1] == '.') {
		return
	}
	m := e + 1
	for i := m; i < m+6; i++ {
		if !isB64URL(text[i]) {
			return
		}
	}
	if text[m+6] != '.' {
		return
	}
	l := m + 7
	k := l
	for k < len(text) && k-l <= 38 && isB64URL(text[k]) {
		k++
	}
	if n := k - l; n < 27 || n > 38 {
		return
	}
	if k < len(text) && (text[k] == '=' || text[k] == '.' && k+1 < len(text) && isB64URL(text[k+1])) {
		return // a longer base64 run or a fourth segment; a full stop may follow
	}
	if !discordUserID(text[s:e]) {
		return
	}
	st.add(d.ix.discord, s, k)
}

// discordUserID reports whether seg is the unpadded base64 of 17 to 20
// decimal digits, the first not 0.
func discordUserID(seg string) bool {
	var digits int
	switch len(seg) % 4 {
	case 0:
		digits = len(seg) / 4 * 3
	case 2:
		digits = len(seg)/4*3 + 1
	case 3:
		digits = len(seg)/4*3 + 2
	default:
		return false
	}
	if digits < 17 || digits > 20 || (seg[0] == 'M' && seg[1] == 'D') {
		return false
	}
	for i := 0; i < len(seg); i++ {
		if !b64DigitShape(i%4, seg[i], i+1 == len(seg) && i%4 == 1) {
			return false
		}
	}
	return true
}

// b64DigitShape reports whether c can be the base64 character at position
// pos (0-3) of a group encoding ASCII digits; last2 marks the second
// character of a final group of two (one digit: its low bits only).
func b64DigitShape(pos int, c byte, last2 bool) bool {
	switch pos {
	case 0:
		return c == 'M' || c == 'N' || c == 'O'
	case 1:
		if last2 {
			return c == 'A' || c == 'Q' || c == 'g' || c == 'w'
		}
		return c == 'D' || c == 'T' || c == 'j' || c == 'z'
	case 2:
		switch c {
		case 'A', 'E', 'I', 'M', 'Q', 'U', 'Y', 'c', 'g', 'k':
			return true
		}
		return false
	}
	return ('w' <= c && c <= 'z') || ('0' <= c && c <= '5')
}
