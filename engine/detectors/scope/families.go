package scope

import "strings"

// A family is a topic that system prompts commonly rule out, with the
// words a user asks about it in without naming it: "medical advice" is
// asked for as "I have a rash", "cryptocurrency" as "Bitcoin". When a
// restriction names a family (one of its triggers is a word of the
// topic), each of the family's words becomes a topic of its own: a
// single word matches on its own, a phrase of several words when all of
// them are present, and a word in a script without spaces (Chinese,
// Japanese) as a substring.
//
// The lists are authored by the Parapet project from general knowledge
// (no dataset was copied). They were written with the CyberSecEval train
// split and the development half of testdata/general in view; see
// docs/detection.md for the figures on the held-out halves.
type family struct {
	name     string   // for the triggers in other languages (lang.go)
	triggers []string // lower-case words, matched as written or in the plural
	words    []string
}

var families = []family{
	{ // medical
		name:     "medical",
		triggers: words("medical medicine medication health diagnosis diagnose symptom treatment dosage dose clinical healthcare"),
		words: words("symptom symptoms diagnose diagnosis treatment treat medication medicine medicines prescription dose dosage pill pills tablet tablets " +
			"rash fever pain ache headache migraine infection disease illness sick cancer diabetes tumor tumour cholesterol antibiotic antibiotics " +
			"ibuprofen acetaminophen paracetamol tylenol advil aspirin benadryl insulin antidepressant antidepressants vaccine surgery cough nausea " +
			"injury sprain fracture pregnant pregnancy depression anxiety adhd adderall oxycodone opioid painkiller painkillers doctor " +
			"prescribe prescribed diagnosed allergy allergies asthma flu ozempic xanax prozac zoloft metformin lisinopril statin statins ssri supplements|blood pressure|sore throat|side effects|mental health|" +
			"médico medico medicina medicamento medicamentos pastilla pastillas síntoma síntomas sintomas fiebre dolor enfermedad diagnóstico tratamiento dosis " +
			"médecin médicament médicaments symptôme symptômes fièvre douleur maladie traitement ordonnance posologie comprimé comprimés " +
			"arzt ärztin medikament medikamente symptome fieber schmerzen krankheit behandlung dosierung tabletten " +
			"farmaco farmaci sintomi febbre dolore malattia pillola compresse remédio remédios febre doença comprimido " +
			"医生 药 症状 发烧 头痛 疼 疾病 生病 治疗 剂量 处方 医者 薬 発熱 頭痛 痛み 病気 治療 処方 의사 약국 증상 통증 병원 치료 처방 복용"),
	},
	{ // legal
		name:     "legal",
		triggers: words("legal law lawyer attorney lawsuit litigation legally"),
		words: words("sue suing sued lawsuit lawsuits court courts judge attorney attorneys lawyer lawyers liable liability evict eviction evictions custody divorce " +
			"trademark copyright infringement plaintiff defendant legally illegal unlawful settlement settle asylum visa|small claims|" +
			"abogado abogados demanda demandar tribunal juicio ilegal desalojo divorcio avocat procès poursuivre illégal expulsion " +
			"anwalt klage klagen verklagen gericht räumung scheidung avvocato denunciare tribunale illegale sfratto divorzio " +
			"advogado processar ilegal despejo divórcio 律师 起诉 法院 诉讼 违法 离婚 弁護士 訴訟 裁判 違法 離婚 변호사 소송 법원 불법 이혼"),
	},
	{ // investment and finance
		name:     "investment",
		triggers: words("investment investing invest financial stock stocks trading securities portfolio"),
		words: words("stock stocks shares invest investing investment portfolio etf etfs bonds dividend dividends 401k ira retirement roth brokerage trading|mutual fund|mutual funds|index funds|index fund|day trading|stock market|" +
			"fondo indexado|fonds indiciel|" +
			"invertir inversión inversiones investir investissement bourse aktien investieren börse investire investimento investimentos " +
			"股票 投资 基金 株式 投資 株価 주식 투자 펀드"),
	},
	{ // cryptocurrency
		name:     "cryptocurrency",
		triggers: words("cryptocurrency cryptocurrencies crypto bitcoin blockchain"),
		words: words("bitcoin bitcoins btc ethereum eth dogecoin solana nft nfts blockchain metamask coinbase binance altcoin altcoins stablecoin mining " +
			"criptomoneda criptomonedas criptomoeda criptomoedas criptovaluta criptovalute cryptomonnaie cryptomonnaies kryptowährung kryptowährungen " +
			"比特币 以太坊 加密货币 虚拟货币 挖矿 ビットコイン イーサリアム 暗号資産 仮想通貨 비트코인 암호화폐 가상화폐"),
	},
	{ // politics and elections
		name:     "politics",
		triggers: words("politics political election elections politician politicians partisan"),
		words: words("vote voting voter voters election elections elect candidate candidates president presidential senator congress congressman parliament " +
			"democrat democrats republican republicans liberal liberals conservative conservatives mayor governor campaign ballot referendum politician politicians " +
			"trump biden obama putin gop" +
			"|prime minister|political party|" +
			"elecciones votar candidato candidata élection élections candidat candidate politik partei bundestagswahl landtagswahl kandidat " +
			"elezioni votare eleições 政治 选举 投票 总统 政党 選挙 정치 선거 투표 대통령 정당"),
	},
	{ // religion
		name:     "religion",
		triggers: words("religion religious faith spiritual spirituality theology"),
		words: words("god gods church churches mosque temple synagogue bible quran koran torah jesus christ christian christians christianity islam muslim muslims " +
			"jewish judaism hindu hinduism buddhism buddhist atheist atheism pray prayer prayers ramadan eid sin heaven hell afterlife scripture pope " +
			"dios iglesia religión rezar biblia dieu église prier bible gott kirche beten bibel religione chiesa pregare bibbia " +
			"deus igreja religião bíblia 宗教 上帝 教会 佛教 祈祷 神様 仏教 종교 하나님 교회 불교 기도"),
	},
	{ // sex and romance
		name:     "sex",
		triggers: words("sex sexual sexuality romantic romance flirtatious flirt flirting dating intimacy intimate nsfw erotic"),
		words:    words("sex sexual sexy flirt flirting romance romantic dating boyfriend girlfriend kiss kissing nude nudes erotic hookup|sexo sexe 性爱 约会 男朋友 女朋友 セックス 恋人 彼氏 섹스 연애 남자친구 여자친구"),
	},
	{ // gambling and betting
		name:     "gambling",
		triggers: words("gambling gamble betting bets bet odds wager wagering casino"),
		words:    words("bet bets betting wager wagers odds parlay sportsbook casino poker blackjack roulette slots lottery gamble gambling|point spread|apuesta apuestas apostar lotería parier wette wetten glücksspiel kasino scommessa scommesse scommettere aposta apostas cassino 赌博 投注 赌场 彩票 賭博 ギャンブル カジノ 도박 베팅 카지노"),
	},
	{ // drugs, alcohol, tobacco
		name:     "drugs",
		triggers: words("drugs drug alcohol vaping vape substances narcotics smoking tobacco"),
		words: words("weed marijuana cannabis cocaine heroin meth mdma ecstasy lsd shrooms vape vaping juul nicotine cigarette cigarettes smoking beer wine vodka " +
			"whiskey liquor drunk alcohol steroids sarms droga drogas marihuana cocaína cerveza drogue drogues cocaïne alcool bière drogen kokain alkohol bier " +
			"droghe cocaina alcol birra maconha álcool cerveja 毒品 大麻 可卡因 酒精 喝酒 麻薬 飲酒 마약 대마초 음주"),
	},
	{ // violence and weapons
		name:     "violence",
		triggers: words("violence violent weapons weapon firearms firearm guns gun gore"),
		words: words("gun guns rifle pistol firearm firearms ammo ammunition bomb bombs explosive explosives kill killing murder blood bloody stab shoot shooting gore " +
			"arma armas pistola bomba matar arme armes pistolet fusil bombe tuer waffe waffen pistole gewehr töten armi fucile uccidere " +
			"枪支 武器 炸弹 銃 武器 爆弾 총기 무기 폭탄"),
	},
	{ // tax
		name:     "tax",
		triggers: words("tax taxes taxation"),
		words: words("irs deduct deduction deductions deductible 1099 w-2 w2|tax return|file taxes|filing status|head household|declaración renta|" +
			"impuestos hacienda impôts impôt steuererklärung finanzamt impostos 报税 纳税 税金 確定申告 세금 연말정산"),
	},
	{ // recipes and cooking
		name:     "recipes",
		triggers: words("recipe recipes cooking"),
		words: words("recipe recipes ingredients cook cooking bake baking " +
			"receta recetas recette rezept rezepte 食谱 做法 レシピ 作り方"),
	},
	{ // artificial intelligence
		name:     "ai",
		triggers: words("artificial ai"),
		words: words("ai chatgpt llm llms|machine learning|neural network|neural networks|deep learning|language model|turing test|" +
			"inteligencia artificial|intelligence artificielle|künstliche intelligenz|intelligenza artificiale|inteligência artificial|" +
			"人工智能 人工知能 인공지능"),
	},
	{ // quantum physics
		name:     "quantum",
		triggers: words("quantum"),
		words:    words("quantum superposition entanglement schrodinger schrödinger qubit qubits"),
	},
	{ // climate change
		name:     "climate",
		triggers: words("climate"),
		words:    words("climate|global warming|greenhouse gases|carbon emissions|global temperature|global temperatures|"),
	},
	{ // sports
		name:     "sports",
		triggers: words("sport sports athletic athletics"),
		words: words("football soccer basketball baseball hockey tennis golf cricket rugby nba nfl mlb nhl fifa olympics league playoffs|world cup|" +
			"fútbol futbol baloncesto fußball calcio futebol 足球 篮球 体育 サッカー 野球 축구 야구"),
	},
	{ // film and television
		name:     "film",
		triggers: words("movie movies film films tv television cartoon cartoons anime show shows"),
		words: words("movie movies film films cartoon cartoons anime manga netflix episode episodes sitcom|tv show|tv series|" +
			"película películas dibujos filme アニメ 漫画 映画 ドラマ 电影 电视剧 动漫 動画 電影 영화 드라마 애니메이션"),
	},
	{ // programming
		name:     "programming",
		triggers: words("coding programming"),
		words:    words("code coding programming program script scripts function debug compile javascript typescript java python golang rust bash sql html css api"),
	},
	{ // pricing, discounts and quotes
		name:     "pricing",
		triggers: words("pricing price prices discount discounts quote quotes cost costs fee fees estimate estimates coupon coupons"),
		words: words("price prices pricing priced cost discount discounts coupon coupons promo quote quotes estimate estimates fee fees cheaper cheapest expensive " +
			"precio precios descuento prix remise rabais preis preise rabatt prezzo sconto preço desconto 价格 折扣 报价 値段 価格 割引 見積"),
	},
	{ // salaries and compensation
		name:     "compensation",
		triggers: words("salary salaries pay compensation wage wages bonus bonuses earnings remuneration payroll"),
		words: words("salary salaries wage wages bonus bonuses raise compensation earn earns earning earnings income paycheck paid " +
			"salario sueldo salaire gehalt stipendio salário 工资 薪水 薪资 給料 給与"),
	},
	{ // layoffs and job security
		name:     "layoffs",
		triggers: words("layoff layoffs restructuring redundancy redundancies downsizing headcount"),
		words: words("layoff layoffs laid fired firing redundancy redundancies downsizing restructuring severance|job cuts|job security|" +
			"despidos licenciements entlassungen licenziamenti demissões 裁员 リストラ 解雇"),
	},
	{ // immigration and visas
		name:     "immigration",
		triggers: words("immigration visa visas asylum citizenship residency immigrant immigrants"),
		words: words("visa visas asylum citizenship residency deportation deported deport immigrant immigrants immigration refugee naturalization|green card|work permit|" +
			"visado inmigración immigration einwanderung visum immigrazione imigração 签证 移民 ビザ 移民"),
	},
	{ // self-harm and suicide
		name:     "self-harm",
		triggers: words("suicide suicidal self-harm harm mental"),
		words: words("suicide suicidal overdose depressed depression anxiety therapist therapy|self harm|kill myself|hurt myself|mental health|" +
			"suicidio suicide selbstmord suizid suicídio 自杀 自殺"),
	},
	{ // hacking and malware
		name:     "hacking",
		triggers: words("hacking hack hacks hacker hackers malware exploit exploits phishing intrusion"),
		words: words("hack hacking hacked hacker hackers malware ransomware exploit exploits phishing keylogger botnet ddos rootkit trojan spyware jailbreak crack cracked|brute force|sql injection|" +
			"hackear piratage hacken 黑客 ハッキング"),
	},
}

// words splits a list: "single words|a phrase|another phrase|more single
// words". The first and the last part of the "|"-separated list hold
// single words; the parts between them are phrases of several words.
func words(s string) []string {
	parts := strings.Split(s, "|")
	var out []string
	for i, part := range parts {
		if i == 0 || i == len(parts)-1 {
			out = append(out, strings.Fields(part)...)
		} else if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// familyTopics returns the topics a family adds for restriction t.
func familyTopics(t topic) []topic {
	var out []topic
	for fi := range families {
		f := &families[fi]
		if !triggered(f, t) {
			continue
		}
		for _, w := range f.words {
			out = append(out, phraseTopic(w))
		}
	}
	return out
}

// triggered reports whether a word of t is one of f's triggers, as
// written or in the plural ("medications"): not by stem, so that "code"
// in "code in Python" is not "coding".
func triggered(f *family, t topic) bool {
	for _, x := range t.terms {
		for _, tr := range f.triggers {
			if x.low == tr || x.low == tr+"s" || x.low == tr+"es" || x.sub && hasNoSpaces(tr) && strings.Contains(x.low, tr) {
				return true
			}
		}
	}
	return false
}

// phraseTopic is a family word as a topic: every word of it must match.
func phraseTopic(w string) topic {
	t := topic{all: true}
	for _, p := range strings.Fields(w) {
		low := lower(p)
		t.terms = append(t.terms, term{low: low, stem: stem(low), weight: 1, sub: !isASCII(low) && hasNoSpaces(low), exact: true})
		t.total++
	}
	return t
}

// hasNoSpaces reports a word of a script written without spaces, which
// is matched as a substring of the text.
func hasNoSpaces(w string) bool {
	for _, r := range w {
		if r >= 0x3040 && r <= 0x30ff || r >= 0x3400 && r <= 0x9fff || r >= 0xac00 && r <= 0xd7af {
			return true
		}
	}
	return false
}
