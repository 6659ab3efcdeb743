package secrets

// URLs and connection URIs with a password in the userinfo part:
// postgres://user:pass@host/db, mongodb+srv://u:p@cluster, redis://:p@host,
// amqp://u:p@host, jdbc:mysql://u:p@host, https://user:pass@host/...

// dbSchemes are schemes whose URLs are database or broker connection
// strings (CONNECTION_STRING_PASSWORD); other schemes report URL_CREDENTIALS.
var dbSchemes = []string{
	"postgres", "postgresql", "mysql", "mysqlx", "mariadb", "mongodb", "mongodb+srv",
	"redis", "rediss", "amqp", "amqps", "mssql", "sqlserver", "oracle", "db2",
	"clickhouse", "cassandra", "cockroachdb", "cockroach", "neo4j", "neo4j+s", "bolt",
	"couchdb", "couchbase", "memcached", "nats", "kafka", "mqtt", "mqtts", "stomp",
	"ldap", "ldaps", "snowflake", "presto", "trino", "vertica", "influxdb", "sqlalchemy",
	"timescaledb", "elasticsearch", "opensearch", "rabbitmq", "sybase", "firebird",
}

var dbSchemeSet = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range dbSchemes {
		m[s] = true
	}
	return m
}()

func scanURLCreds(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	// Both URL rules share this scanner and it picks the rule: run it
	// once, for the first of them that is enabled.
	if ri == d.ix.urlCreds && d.ix.connPassword >= 0 {
		return
	}
	// Scheme: letters, digits, + . - before "://" (jdbc:mysql:// included).
	ss := ks
	for ss > 0 && ks-ss < 40 && (isAlnum(text[ss-1]) || text[ss-1] == '+' || text[ss-1] == '.' || text[ss-1] == '-' || text[ss-1] == ':') {
		ss--
	}
	for ss < ks && !isLetter(text[ss]) {
		ss++
	}
	if ss == ks {
		return
	}
	scheme := text[ss:ks]
	// Authority: up to the first / ? # whitespace or quote; the password
	// ends at its last '@'.
	ae := ke
	at := -1
	for ae < len(text) && ae-ke < 512 {
		c := text[ae]
		if c <= ' ' || c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '\\' {
			break
		}
		if c == '@' {
			at = ae
		}
		ae++
	}
	if at < 0 && ae < len(text) && (text[ae] == '#' || text[ae] == '?' || text[ae] == '/') {
		at, ae = rawPasswordAt(text, ke, ae)
	}
	if at < 0 || at+1 >= len(text) || at+1 == ae {
		return
	}
	if h := text[at+1]; !isAlnum(h) && h != '[' && h != '_' {
		return
	}
	colon := -1
	for j := ke; j < at; j++ {
		if text[j] == ':' {
			colon = j
			break
		}
	}
	if colon < 0 || colon+1 >= at {
		return // no password
	}
	// A literal password in a URL is reported however weak it is
	// (postgres://user:secret@localhost); only templates are not.
	user, pass := text[ke:colon], text[colon+1:at]
	if len(pass) < 3 || isTemplate(pass) || (user != "" && isTemplate(user)) || capsWords(user, pass) {
		return
	}
	ri = d.ix.urlCreds
	s := scheme
	if i := lastIndexByte(s, ':'); i >= 0 { // jdbc:postgresql
		s = s[i+1:]
	}
	var buf [40]byte
	if len(s) <= len(buf) {
		for i := 0; i < len(s); i++ {
			buf[i] = lowerASCII(s[i])
		}
		if dbSchemeSet[string(buf[:len(s)])] {
			ri = d.ix.connPassword
		}
	}
	if ri >= 0 {
		st.add(ri, colon+1, at)
	}
}

// capsWords reports a user and a password that are both words in capital
// letters (USER:PASSWORD, UZIVATEL:HESLO, BENUTZER:PASSWORT), or a
// password that is the word for password in capitals (user:HASLO): the
// form a guide writes to say what goes there, not a password.
func capsWords(user, pass string) bool {
	caps := func(s string) bool {
		if len(s) < 2 {
			return false
		}
		for i := 0; i < len(s); i++ {
			if c := s[i]; (c < 'A' || c > 'Z') && c != '_' {
				return false
			}
		}
		return true
	}
	return caps(user) && caps(pass) || caps(pass) && isPasswordName(pass) // postgres://app:PASSWORD@, uzytkownik:HASLO@
}

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// rawPasswordAt reads on past a '#', '?' or '/' that stopped the
// authority at stop when a user:password has begun and no '@' was seen:
// a password pasted without percent-encoding (postgres://app:Autumn2026#@db,
// which RFC 3986 section 3.2.1 would write as %23). It returns the last
// '@' before the token ends and the end of the authority after it, or -1.
// A port (host:8080/path@x) is not a password: the bytes after the colon
// before the stop must not be all digits.
func rawPasswordAt(text string, ke, stop int) (int, int) {
	colon := -1
	for j := ke; j < stop; j++ {
		if text[j] == ':' {
			colon = j
			break
		}
	}
	if colon < 0 {
		return -1, stop
	}
	digits := true
	for j := colon + 1; j < stop; j++ {
		if !isDigit(text[j]) {
			digits = false
			break
		}
	}
	if digits {
		return -1, stop
	}
	at := -1
	i := stop
	for ; i < len(text) && i-ke < 256; i++ {
		c := text[i]
		if c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '\\' {
			break
		}
		if c == '@' {
			at = i
		}
		if c == '/' && at >= 0 {
			break // the path after the host
		}
	}
	if at < 0 {
		return -1, stop
	}
	ae := at + 1
	for ae < len(text) && (isAlnum(text[ae]) || text[ae] == '.' || text[ae] == '-' || text[ae] == '_' || text[ae] == ':') {
		ae++
	}
	return at, ae
}
