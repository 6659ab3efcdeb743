package scope

import (
	"strings"
	"unicode/utf8"
)

// Restrictions written in Spanish, French, German, Italian and Portuguese
// read like English ones once their directive words are known: "No hables
// de política", "Ne donne jamais de conseils médicaux", "Sprich nicht über
// Politik", "Non parlare di religione", "Não forneça aconselhamento
// jurídico". The words below join the English sets in init. Chinese and
// Japanese, written without spaces, have patterns of their own
// (cjkTopics). The lists are authored by the Parapet project.

// Negations and "never" / "avoid" that put the topic after them.
var foreignActive = []string{
	"nunca", "jamás", "evita", "evite", "evitar", "evites", // es, pt
	"ne", "jamais", "évite", "évitez", "éviter", // fr ("ne … pas")
	"nicht", "kein", "keine", "keinen", "keinem", "keiner", "niemals", "nie", "keinesfalls", "vermeide", "vermeiden", // de
	"mai", "evitare", // it ("non" is in italianNon)
	"não", "nao", // pt
}

// Passive cues: "está prohibido …", "X est interdit", "X ist verboten".
var foreignPassive = []string{
	"prohibido", "prohibida", "prohibidos", "prohibidas", "permitido", "permitida",
	"interdit", "interdite", "interdits", "interdites", "permis", "autorisé",
	"verboten", "untersagt", "erlaubt", "gestattet",
	"vietato", "vietata", "vietati", "consentito", "permesso",
	"proibido", "proibida", "proibidos", "permitidos",
}

// Words before a passive cue that make it one: "is", "not" and their
// kind.
var passiveBefore = set("not", "is", "are", "of", "off", "be",
	"está", "están", "es", "son", "esta", "est", "sont", "pas", "ist", "sind", "nicht", "è", "sono", "non", "é", "são", "no", "não")

// Italian "non" is a cue only before a verb ("non parlare", "non devi"):
// English has "non-profit".
func italianNon(next string) bool {
	for _, suf := range []string{"are", "ere", "ire", "devi", "puoi", "dare", "dire", "fare"} {
		if strings.HasSuffix(next, suf) {
			return true
		}
	}
	return false
}

// Articles, prepositions, the directive's verbs and nouns like "advice",
// "topics", "questions": no topic of their own.
var foreignGeneric = strings.Fields(`
de del la el los las un una unos unas al sobre acerca temas tema información consejos consejo asesoramiento preguntas pregunta
hables hablar habla hable discutas discutir discuta proporciones proporcionar proporcione des dar dé compartas compartir comparta
respondas responder responda menciones mencionar mencione ningún ninguna ninguno cualquier debes debe puedes puede tú usted eres
está están es son que con por en y o ni nunca jamás ni
du des le les sur sujets sujet informations conseils conseil questions parle parler parlez discute discuter discutez donne donner
donnez fournis fournir fournissez partage partager partagez réponds répondre répondez mentionne mentionner jamais pas aucun aucune
tu vous dois doit devez est sont avec pour et ou ne
über zu zum zur von vom der die das den dem des ein eine einen einem einer sprich sprechen rede reden diskutiere diskutieren gib
geben teile teilen beantworte beantworten erwähne erwähnen ratschläge ratschlag beratung tipps themen thema fragen frage
informationen du sie darfst sollst musst bitte ist sind und oder mit für auf
di della dei delle dello il lo gli su sul sulla argomenti argomento informazioni consigli domande domanda parlare parla
discutere discuti dai fornire fornisci condividere condividi rispondere rispondi menzionare menziona nessun nessuna devi puoi
lei sono con per
da do das dos as os um uma assuntos assunto informações conselhos aconselhamento orientações orientação perguntas fale falar
discuta forneça fornecer compartilhe compartilhar responda mencione nenhum nenhuma você deve pode são com para em
`)

// Family triggers in the other languages, by family name (families.go):
// a restriction that names one of these brings in the family's words.
var foreignTriggers = map[string][]string{
	"medical": strings.Fields(`médico médica médicos médicas medicina salud sanitario médical médicale médicaux médicales santé
		medizinisch medizinische medizinischen medizinischer gesundheit medico medica medici mediche salute saúde 医疗 医学 医療 健康`),
	"legal": strings.Fields(`legales jurídico jurídica jurídicos juridique juridiques rechtlich rechtliche rechtlichen rechtsberatung
		legale legali giuridico giuridica jurídicas 法律 法的`),
	"investment": strings.Fields(`inversiones inversión financiero financieros financiera financier financiers financière
		finanziell finanzielle finanziellen anlageberatung investimenti finanziari finanziaria investimentos financeiro financeira 投资 理财 投資`),
	"cryptocurrency": strings.Fields(`criptomonedas criptomoneda cryptomonnaies cryptomonnaie kryptowährungen kryptowährung
		criptovalute criptovaluta criptomoedas criptomoeda 加密货币 虚拟货币 暗号資産 仮想通貨`),
	"politics": strings.Fields(`política políticas políticos político politique politiques politik politisch politische politischen
		politica politiche politici 政治`),
	"religion": strings.Fields(`religión religiosos religiosas religieux religieuse religiöse religiösen religione religiosi religiose
		religião religiosos 宗教`),
	"sex":         strings.Fields(`sexo sexual sexe sexuel sexuelle sexualität sexuelle sesso sessuale 性`),
	"gambling":    strings.Fields(`apuestas azar glücksspiel glücksspiele wetten scommesse azzardo apostas 赌博 博彩 賭博 ギャンブル`),
	"drugs":       strings.Fields(`drogas drogues drogen droghe alcohol alcool alkohol alcol álcool 毒品 麻薬`),
	"violence":    strings.Fields(`violencia armas violence armes gewalt waffen violenza armi violência 暴力 武器`),
	"tax":         strings.Fields(`impuestos fiscal fiscales impôts fiscaux fiscale steuern steuer steuerberatung tasse fiscali impostos 税务 税金 税`),
	"sports":      strings.Fields(`deportes deporte sport sports sportarten esportes 体育 スポーツ`),
	"film":        strings.Fields(`películas película filme séries 电影 映画 アニメ`),
	"programming": strings.Fields(`programación programmation programmierung programmazione programação 编程 プログラミング`),
	"ai":          strings.Fields(`ia artificielle künstliche artificiale 人工智能 人工知能`),
}

func init() {
	for _, w := range foreignActive {
		activeCue[w] = true
	}
	for _, w := range foreignPassive {
		passiveCue[w] = true
	}
	for _, w := range foreignGeneric {
		generic[w] = true
	}
	for _, w := range strings.Fields("o y ni u ou et oder und sowie oppure como comme come wie incluido incluyendo notamment einschließlich inclusi incluindo") {
		altSep[w] = true // "política o religión", "Politik oder Religion"
	}
	for name, ws := range foreignTriggers {
		i := familyIndex(name)
		families[i].triggers = append(families[i].triggers, ws...)
	}
	// The alias for the Romance languages' "IA".
	aliases["ia"] = []string{"artificial intelligence"}
	// Reasons that end a topic in the other languages: "… porque", "…
	// parce que", "… weil", "… perché", "… para mantener".
	for _, w := range []string{"porque", "parce", "weil", "perché", "poiché", "pois", "puisque", "denn"} {
		stopAfter[w] = true
	}
	stopAfter["para"] = true
	stopAfterNext["para"] = set("mantener", "evitar", "garantizar", "proteger", "asegurar", "cumplir", "manter", "garantir", "proteger", "que", "no", "não")
	stopAfter["pour"] = true
	stopAfterNext["pour"] = set("garder", "éviter", "garantir", "protéger", "rester", "assurer", "respecter", "des", "que", "ne")
	stopAfter["per"] = true
	stopAfterNext["per"] = set("mantenere", "evitare", "garantire", "proteggere", "motivi", "ragioni", "non")
	stopAfter["um"] = true
	stopAfterNext["um"] = set("zu", "die", "den", "das")
}

// familyIndex finds a family by its name.
func familyIndex(name string) int {
	for i := range families {
		if families[i].name == name {
			return i
		}
	}
	panic("scope: no family " + name)
}

// Chinese and Japanese restrictions, written without spaces:
// "不要讨论政治话题", "请勿提供医疗建议", "政治について話さないでください",
// "宗教の話はしないでください", "投資の助言は禁止です".
var (
	zhCues = []string{"不要讨论", "不要谈论", "不要谈", "不要提供", "不要回答", "不要涉及", "不要给出", "不得讨论", "不得谈论", "不得提供",
		"不得涉及", "禁止讨论", "禁止谈论", "禁止提供", "请勿讨论", "请勿谈论", "请勿提供", "请勿涉及", "避免讨论", "避免谈论", "避免涉及",
		"不讨论", "不谈论", "不提供", "请勿", "不要", "禁止", "不得", "避免"}
	zhTrim = []string{"关于", "有关", "任何", "与", "的话题", "话题", "的问题", "问题", "的建议", "建议", "相关", "方面", "的内容", "内容",
		"信息", "的信息", "咨询", "意见", "的"}
	jaParticles = []string{"についての", "については", "について", "に関する", "に関して", "の話", "の質問", "の助言", "のアドバイス",
		"を", "は", "に"}
	jaNeg = []string{"ない", "禁止", "控え", "お断り", "しないで", "避け"}
)

// cjkTopics reads a clause of Chinese or Japanese text for a
// restriction: the topic after a Chinese cue, or before a Japanese
// particle in a clause with a negation.
func cjkTopics(clause string) []string {
	var out []string
	for _, cue := range zhCues {
		i := strings.Index(clause, cue)
		if i < 0 {
			continue
		}
		rest := clause[i+len(cue):]
		for _, part := range splitCJKList(rest) {
			if t := trimCJK(part, zhTrim); t != "" {
				out = append(out, t)
			}
		}
		return out
	}
	neg := false
	for _, n := range jaNeg {
		if strings.Contains(clause, n) {
			neg = true
		}
	}
	if !neg {
		return nil
	}
	for _, p := range jaParticles {
		i := strings.Index(clause, p)
		if i <= 0 {
			continue
		}
		before := clause[:i]
		// the topic runs back to a comma or a subject particle
		for _, sep := range []string{"、", "，", "は", "が", "で", "も"} {
			if j := strings.LastIndex(before, sep); j >= 0 {
				before = before[j+len(sep):]
			}
		}
		for _, part := range splitCJKList(before) {
			if t := trimCJK(part, []string{"の", "など"}); t != "" && utf8.RuneCountInString(t) <= 10 {
				out = append(out, t)
			}
		}
		return out
	}
	return nil
}

// splitCJKList splits "政治、宗教或赌博" at list marks and "or" / "and".
func splitCJKList(s string) []string {
	for _, sep := range []string{"、", "，", "或者", "或", "和", "及", "以及", "や", "と", "および"} {
		s = strings.ReplaceAll(s, sep, "\x00")
	}
	return strings.Split(s, "\x00")
}

// trimCJK removes the affixes in trim from both ends of s until none is
// left.
func trimCJK(s string, trim []string) string {
	for changed := true; changed; {
		changed = false
		for _, t := range trim {
			if strings.HasPrefix(s, t) && len(s) > len(t) {
				s, changed = s[len(t):], true
			}
			if strings.HasSuffix(s, t) && len(s) > len(t) {
				s, changed = s[:len(s)-len(t)], true
			}
		}
	}
	for _, t := range trim {
		if s == t {
			return ""
		}
	}
	if utf8.RuneCountInString(s) < 2 && !strings.ContainsAny(s, "性税") {
		return ""
	}
	return s
}
