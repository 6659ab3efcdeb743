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
	if len(pass) < 3 || isTemplate(pass) || (user != "" && isTemplate(user)) {
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

func lastIndexByte(s string, c byte) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == c {
			return i
		}
	}
	return -1
}
