package main

// builderQuestions are benign prompts from people who build, buy or secure
// AI assistants, written for this project (none is copied from a corpus or
// benchmark), for training only: never for the threshold, never in a
// reported figure, and none is a probe sentence of ../probes_test.go or a
// line of ../testdata/general.
//
// The development corpus names "system prompt", "jailbreak", "developer
// mode" or "instructions" almost only in attacks, so the classifier
// learnt those words as attacks on their own, and a team writing its own
// chatbot's system prompt, or a help desk asked how to jailbreak a phone,
// is denied. These rows give the words their ordinary senses: the topic
// of prompt engineering and LLM security, devices and software, a task
// list's "new task", instructions a person (not the model) gave.
var builderQuestions = []string{
	// writing and reviewing prompts for one's own assistant
	"How do I write a good system prompt for our internal HR bot?",
	"What should a system prompt for a banking chatbot include?",
	"Can you review this system prompt and make it clearer? 'You are Ava, a polite assistant for Northwind Travel. Answer only questions about bookings.'",
	"Is it better to put examples in the system prompt or in the user message?",
	"How long can a system message be in the Chat Completions API?",
	"What is the difference between the system role and the developer role in the OpenAI API?",
	"Our system prompt is 3,000 tokens. How can we shorten it without losing behaviour?",
	"Write a system prompt for a chatbot that helps customers track parcels.",
	"Draft the initial instructions for a tutoring assistant for 10-year-olds.",
	"Give me a template for system prompts that our product teams can fill in.",
	"Which parts of a prompt template should be variables?",
	"How do I version our prompts in Git alongside the code?",
	"Compare few-shot prompting and fine-tuning for classifying support tickets.",
	"What does temperature do, and what value should our FAQ bot use?",
	"Explain chain-of-thought prompting with a short example.",
	"Our bot keeps ignoring the formatting rules in its prompt. How do we make it follow them?",
	"How can I test that a prompt change did not break old answers?",
	"What's a good way to evaluate two versions of a system prompt against each other?",
	// the security of AI assistants, as a topic
	"What is a jailbreak in the context of large language models?",
	"Explain the difference between prompt injection and jailbreaking for a security awareness slide.",
	"How do companies protect their system prompts from being leaked?",
	"Write a one-page policy on acceptable use of AI assistants for our staff.",
	"What is indirect prompt injection and why does it matter for email assistants?",
	"List the controls an AI gateway should have for data leakage.",
	"How does a guardrail model like Llama Guard decide whether a prompt is unsafe?",
	"Summarise the OWASP guidance on prompt injection for our developers in five bullet points.",
	"Which logs should we keep for our chatbot to investigate an incident later?",
	"How do red teams usually plan an assessment of an LLM application?",
	"What is a canary token and how is it used to detect prompt leaks?",
	"Should the model's instructions and the user's data go in separate messages? Why?",
	// devices, software and modes
	"Is it safe to jailbreak an old iPad so it can run newer apps?",
	"Does jailbreaking a PS4 void the warranty?",
	"How do I root my Android phone, and what are the risks?",
	"How do I turn on developer mode in Chrome extensions?",
	"Windows keeps booting into safe mode. How do I get out of it?",
	"Where is admin mode in the Zoom settings?",
	"How do I enable developer options on a Pixel phone?",
	// task lists, instructions from people, and "you" in the ordinary sense
	"New task from the client: translate the brochure into Dutch by Friday. Can you draft an email to the translator?",
	"Here are my notes. Next task: book the venue. What should I ask the venue manager?",
	"What did the assembly instructions say about the order of the shelves? I pasted them earlier: first the sides, then the back panel.",
	"My manager's instructions were to keep the report under two pages. Can you cut this section down?",
	"Follow the same instructions as before, but for the March data.",
	"Use my earlier instructions for tone and write the next newsletter.",
	"Print the results table again, this time sorted by date.",
	"Repeat the steps for setting up the VPN, I missed the third one.",
	// other languages
	"Wie schreibe ich einen guten Systemprompt für unseren Kundenservice-Bot?",
	"¿Qué debe incluir el prompt del sistema de un asistente para una clínica?",
	"Comment rédiger un bon prompt système pour un assistant de support ?",
	"Как написать хороший системный промпт для бота поддержки?",
	"如何为客服机器人写一个好的系统提示？",
	"社内チャットボットのシステムプロンプトの書き方を教えてください。",
	"고객 지원 챗봇의 시스템 프롬프트는 어떻게 작성하나요?",
	"Ist es legal, ein iPhone zu jailbreaken?",
}

// quotedNotices are benign requests to summarise, translate or edit text
// written for people (notices, manuals, policies, rules of a game), whose
// imperatives and words (password, instructions, ignore, override,
// confidential, previous) address their human readers, not the model.
// Written for this project, training only, like builderQuestions.
var quotedNotices = []string{
	"Summarise this IT notice for the team: \"On Saturday the mail server moves to a new host. You will be asked to sign in again; use your current password. Ignore any pop-up that asks for it twice.\"",
	"Translate into Spanish: \"Keep this password private. Staff will never ask you for it by phone or email.\"",
	"Make this paragraph clearer: \"The previous instructions for claiming travel expenses are replaced by the guide below. Receipts must be attached.\"",
	"Shorten this safety card: \"If the alarm sounds, ignore the lifts and use the stairs. Follow the instructions of the fire wardens.\"",
	"Proofread: \"Dear tenants, please disregard the letter of 2 May about water outages; the works were postponed.\"",
	"What does this clause mean? \"This agreement overrides all prior agreements between the parties relating to its subject matter.\"",
	"Summarise the rules of this board game: \"On your turn you may reveal one hidden card. The host may override any roll once per game.\"",
	"Turn this into a checklist: \"Before you start, read all instructions. Ignore step 4 if your model has no Wi-Fi. Keep the setup code in a safe place.\"",
	"Explain this error message to a non-technical user: \"Authentication failed: the password you entered is incorrect or has expired.\"",
	"Rewrite this notice in a friendlier tone: \"Confidential documents must not be left on printers. Old instructions about shredding still apply.\"",
	"Translate into German: \"New instructions for visitors: sign in at reception and wear your badge at all times.\"",
	"Extract the deadlines from this memo: \"From now on, timesheets are due every Friday. The old rules no longer apply after 1 July.\"",
	"Summarise this onboarding email: \"Your temporary password expires in 24 hours. Never share it, not even with IT.\"",
	"Check the grammar of this manual excerpt: \"Ignore the warning light during the first minute, the system performs a self test.\"",
	"Make a short FAQ from this text: \"Forgot your password? Use the reset link. Locked out? Call the help desk. Previous passwords cannot be reused.\"",
	"What is the tone of this message? \"Forget what I said yesterday about the launch date, we are going ahead on Monday.\"",
	"Summarise this policy: \"Employees must not reveal customer data to third parties. These rules supersede earlier guidance.\"",
	"Translate into French: \"The system will prompt you to change your password every 90 days.\"",
	"Rewrite this recipe step: \"Ignore the previous step if you are using ready-made pastry and go straight to the filling.\"",
	"Summarise this post-mortem: \"A phishing email asked staff to share their passwords. Two did. Action: training and MFA for everyone.\"",
	"Edit this incident report for clarity: \"The chatbot was tricked into ignoring its instructions by a crafted web page; we added a filter.\"",
	"Translate into Italian: \"Do not follow links in emails that ask for your credentials.\"",
	"Summarise: \"The administrator may override user settings. Users who ignore security updates will lose access.\"",
	"Fasse diese Mitteilung zusammen: \"Bitte ignorieren Sie die vorherige E-Mail zum Umzug; der Termin bleibt bestehen.\"",
	"Resume este aviso: \"Olvide las instrucciones anteriores sobre el aparcamiento; desde mayo se usa la entrada norte.\"",
	"Résume cette note : \"Les anciennes consignes de sécurité ne s'appliquent plus. Votre mot de passe doit être changé.\"",
	"把这段通知翻译成英文：\"请忽略之前关于停车的通知，新规则从下周开始执行。\"",
}

// revisions are benign: the user takes back or changes what they said
// earlier ("forget everything I said about the colours"), or the text
// reports a state ("you are now logged in"). Written for this project,
// training only, like builderQuestions.
var revisions = []string{
	"Forget everything I said about the venue, we are doing it online after all.",
	"Ignore what I wrote earlier about the budget; finance approved the full amount.",
	"Forget all that about the deadline, the client moved it to March.",
	"Scrap everything I told you about the logo, the new brief wants something playful.",
	"Never mind everything I said about Python, the team uses Go. Can you redo the example?",
	"Disregard my earlier message about the invoice; it was paid yesterday.",
	"Forget everything I mentioned regarding the flights, I'm taking the train.",
	"Olvida todo lo que te dije sobre el hotel, al final nos quedamos en casa de mi hermana.",
	"Vergiss alles, was ich über das Budget gesagt habe, wir haben jetzt mehr Geld.",
	"Oublie tout ce que j'ai dit à propos du menu, les invités sont végétariens.",
	"Dimentica quello che ho detto sulla data, la riunione è spostata a venerdì.",
	"Esqueça o que eu disse sobre o orçamento, aprovaram o valor total.",
	"Забудь, что я говорил про сроки, клиент дал ещё неделю.",
	"忘掉我刚才说的关于颜色的话，我们还是用蓝色吧。",
	"You are now logged in to the portal. How do I download my payslip?",
	"Now you are registered for the course, what should I read before the first class?",
	"The app says you are now connected to the VPN, but pages won't load. What next?",
	"Jetzt bist du dran: schreib den zweiten Absatz, ich habe den ersten geschrieben.",
	"Now you're all set up on the new laptop, which apps should I install first?",
	"Ahora eres parte del equipo de ventas; ¿qué debo saber sobre los clientes?",
}
