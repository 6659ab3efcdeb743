package secrets

// Client keys that are public by design: they ship in web pages and apps
// and name a project rather than grant access. They are reported with
// category identifier (like MAPBOX_PUBLIC_TOKEN), not as credentials:
//
//   - Supabase anon keys: a JWT whose payload has "role":"anon" (Supabase
//     documents the anon key as safe in a browser with row-level security,
//     https://supabase.com/docs/guides/api/api-keys; the service_role key,
//     "role":"service_role", stays a secret).
//   - Firebase web API keys: an AIza key inside a Firebase web config,
//     next to authDomain, messagingSenderId or storageBucket, or under a
//     firebaseConfig name, and the Android app's google-services.json
//     (current_key next to mobilesdk_app_id) (Firebase
//     documents these keys as identifiers, not secrets,
//     https://firebase.google.com/docs/projects/api-keys). An AIza key
//     elsewhere (Maps, Gemini) stays a secret.
//   - A Maps JavaScript API key in the URL that loads the API into a page
//     (maps.googleapis.com/maps/api/js?key=…): every visitor's browser
//     gets it, and Google has it restricted by referrer
//     (https://developers.google.com/maps/documentation/javascript/get-api-key).
//     It is not reported at all.

// anonJWT reports a JWT whose payload claims "role":"anon".
func anonJWT(tok string) bool {
	d1 := indexByte(tok, '.')
	if d1 < 0 {
		return false
	}
	rest := tok[d1+1:]
	d2 := indexByte(rest, '.')
	if d2 < 8 {
		return false
	}
	var buf [512]byte
	n := decodeBase64Prefix(rest[:d2], buf[:])
	p := string(buf[:n])
	r := index(p, `"role"`)
	if r < 0 {
		return false
	}
	k := r + len(`"role"`)
	for k < len(p) && (p[k] == ' ' || p[k] == ':') {
		k++
	}
	return len(p)-k >= 6 && p[k:k+6] == `"anon"`
}

// firebaseWebConfigWords mark a Firebase web config around an API key.
var firebaseWebConfigWords = []string{"authdomain", "messagingsenderid", "firebaseconfig", "storagebucket", "firebase_auth_domain", "firebase_messaging_sender_id",
	"mobilesdk_app_id", "current_key"} // google-services.json, the Android app's Firebase config

// firebaseWebKeyAt reports an AIza key at text[s:e] inside a Firebase web
// config (one of its other fields within 400 bytes).
func firebaseWebKeyAt(text string, s, e int) bool {
	if e-s != 39 || text[s:s+4] != "AIza" {
		return false
	}
	lo, hi := max(0, s-400), min(len(text), e+400)
	w := text[lo:hi]
	for _, f := range firebaseWebConfigWords {
		if containsFold(w, f) {
			return true
		}
	}
	return false
}

// publicByDesign reports a span that an identifier rule reports instead
// of a credential rule: a Mapbox public token (MAPBOX_PUBLIC_TOKEN) or one
// of the keys above.
func publicByDesign(text string, s, e int) bool {
	v := text[s:e]
	if mapboxPublic(v) || len(v) > 3 && v[:3] == "eyJ" && anonJWT(v) {
		return true
	}
	return firebaseWebKeyAt(text, s, e) || mapsScriptKeyAt(text, s, e)
}

// mapsScriptKeyAt reports an AIza key at text[s:e] that is a parameter of
// a Maps JavaScript API URL (maps/api/js?… on the same token).
func mapsScriptKeyAt(text string, s, e int) bool {
	if e-s != 39 || text[s:s+4] != "AIza" {
		return false
	}
	ls := s
	for ls > 0 && s-ls < 300 && text[ls-1] > ' ' && text[ls-1] != '"' && text[ls-1] != '\'' {
		ls--
	}
	return index(text[ls:s], "/maps/api/js?") >= 0
}

// scanSupabaseAnon reports a JWT with "role":"anon" (SUPABASE_ANON_KEY).
func scanSupabaseAnon(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	if e := jwtEnd(text, ks, ke); e > ks && anonJWT(text[ks:e]) {
		st.add(ri, ks, e)
	}
}

// scanFirebaseWebKey reports an AIza key inside a Firebase web config
// (FIREBASE_WEB_API_KEY).
func scanFirebaseWebKey(d *Detector, st *scanState, text string, ks, ke int, ri int) {
	e := ks + 39
	if e > len(text) || text[ks:ks+4] != "AIza" || ks > 0 && isB64URL(text[ks-1]) {
		return
	}
	for k := ks + 4; k < e; k++ {
		if !isB64URL(text[k]) {
			return
		}
	}
	if e < len(text) && isB64URL(text[e]) {
		return
	}
	if firebaseWebKeyAt(text, ks, e) {
		st.add(ri, ks, e)
	}
}
