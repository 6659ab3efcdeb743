package names

import "strings"

// World names: frequent given names and surnames of countries whose names
// the embedded gazetteer (built mostly from US and European lists) misses
// or lists only as rare: India, China, the Arab world, Iran, Nigeria,
// Ghana, Kenya, South Africa, Eastern Europe, Turkey, Spain and Latin
// America, Brazil and Portugal, Japan, Korea and Vietnam, and (last line)
// the German-speaking countries, whose frequent given names the lists
// had only as names or rare surnames (Jürgen, Günter, Horst), which
// German text, with its capitalised nouns, needs. Authored for
// Parapet from the frequency rankings on Wikipedia's "List of most popular
// given names" and "List of most common surnames in Asia / Africa /
// Europe / South America" pages (names are facts; no list was copied).
// Names that are also English words or short syllables (Sun, Song, Tang,
// He, Ma, Le, Do, Park, Blessing) are left out, so that adding them
// changes no reading of ordinary prose. Accents are folded as in the
// gazetteer; hyphenated given names are listed whole.
const worldGiven = `
aarav aditya akash amit anil anjali ankit anita arjun arun ashok deepak deepika divya gaurav
harish kavya kiran lakshmi manoj meera mohan neha nikhil pooja pradeep priya priyanka rahul
rajesh rakesh ramesh ravi rohit sachin sanjay santosh sandeep shreya sneha sunil suresh swati
vijay vikram vivek ananya ishaan kavita sunita rekha geeta venkat srinivas ganesh harsha
nandini rohan karthik aishwarya abhishek varun tanvi riya isha manish nitin alok vinod mahesh
naveen preeti shweta jyoti ritu anjana lalita sushma arvind rajiv sunil vikas sameer
xiaoming xiaoling jianguo xiuying guiying yuxuan zihan haoran yutong zhiwei qiang jing
fang lei jun jie ming hui xia yong jian hao yun ling xin chao qing zhen
mohammed muhammad mohamed mohammad ahmed ahmad ali omar umar youssef yousef khalid hassan
hussein ibrahim abdullah abdul mustafa karim tariq faisal hamza bilal rashid saeed salim
samir nabil walid ziad fatima aisha ayesha mariam maryam layla leila noor nour zainab
khadija amina yasmin huda rania salma hana dina reem noura samira jamila abdulaziz
abdulrahman majid nasser fahad saad anas amr osama hisham adel tamer sherif mahmoud reza
mehdi hossein zahra fatemeh
chinedu chidi chukwuemeka emeka obinna ikenna nnamdi uche ngozi chioma chidinma adaeze amaka
nneka ifeoma oluwaseun seun olumide olusegun oluwafemi femi tunde babatunde adebayo ayodele
yemi kunle funmilayo folake bisi bukola titilayo temitope tope yetunde abiodun kehinde taiwo
idowu aliyu abubakar usman halima hauwa kwame kofi kwabena kwaku yaw akua abena efua kojo
wanjiru wanjiku njeri achieng akinyi thandiwe sipho thabo lerato nomvula
dmitri dmitry sergei sergey alexei alexey andrei andriy igor oleg pavel mikhail nikolai
vladimir yuri anatoly maxim artem bogdan taras mykola oleksandr olena oksana natalia
natalya tatiana svetlana olga irina ekaterina yekaterina anastasia yulia ludmila galina
katarzyna agnieszka malgorzata magdalena krzysztof grzegorz tomasz piotr pawel marcin
michal lukasz wojciech jakub boguslaw wladyslaw zbigniew jaroslaw tomas jiri lukas
martina petra lenka zuzana dragan nikola goran zoran milica jelena
alejandro javier sergio pablo alvaro iker jordi montserrat nuria pilar rocio lucia ines
ainhoa begona itziar joao goncalo thiago caio vinicius matheus larissa camila leticia
fernanda juliana beatriz gabriela mariana bruna
haruto yuto sota yuki hiroshi takashi kenji satoshi daisuke takumi sakura yui aoi hina
haruka misaki akiko yoko keiko naoko kenta shota kaito riku
min-jun seo-yeon ji-hoon ji-woo seo-jun ha-eun do-yun ji-ho su-bin hyun-woo jae-won eun-ji
so-yeon minjun jihoon
anh linh huong thao trang minh duc tuan hung quang thanh hieu phuong ngoc
mehmet ahmet emre burak murat hakan ozan cem ayse fatma zeynep elif emine hatice merve esra
somchai somsak
jurgen gunter gunther horst werner tobias henning barbel anke uwe jorg bjorn soren
dieter klaus wolfgang helmut manfred gerhard rainer ralf sven maximilian anton theo leonie
ute heike birgit sabine monika gisela renate silke katrin kerstin sepp josef florian
matthias andreas stefan thorsten torsten nils lars malte jannik yannick aylin gulsen
`

const worldSurnames = `
sharma verma gupta singh kumar patel shah mehta iyer iyengar reddy rao nair pillai menon
banerjee chatterjee mukherjee bose ghosh joshi kulkarni deshpande patil jain agarwal
aggarwal bhat chopra kapoor khanna malhotra saxena srivastava tiwari mishra pandey yadav
chauhan naidu krishnan subramanian raghunathan venkatesan chaudhary thakur desai trivedi
bhatt dubey kaur sandhu dutta sinha
zhang wang liu chen yang zhao huang zhou xu zhu gao lin guo luo liang zheng xie feng deng
cao peng zeng xiao tian yuan cai jiang cheng
al-farsi al-harbi al-mansouri al-qahtani al-sabah al-rashid al-saud haddad khoury mansour
saleh hamdan aziz rahman hussain qureshi siddiqui farouk abdallah benali amrani tahir
suleiman othman darwish khalil najjar sabbagh masri hakim karimi hosseini ahmadi rezaei
mohammadi
okafor okonkwo okeke nwosu nwachukwu adeyemi adewale ogunleye olawale balogun bakare
afolabi akinola oyelaran ogundipe okoro chukwu ibekwe abdullahi danjuma mensah owusu
boateng asante appiah osei agyeman kamau mwangi otieno ochieng njoroge nkosi dlamini
ndlovu khumalo
ivanov petrov smirnov volkov popov kuznetsov sokolov lebedev kozlov novikov morozov
pavlov ivanova petrova smirnova sokolova volkova kovalenko shevchenko bondarenko melnyk
kovalchuk tkachenko nowak kowalski kowalska wisniewski wisniewska wojcik kowalczyk
kaminski lewandowski zielinski szymanski wozniak dabrowski novak svoboda novotny dvorak
dvorakova horvat kovacevic jovanovic petrovic popescu ionescu
garcia fernandez gonzalez rodriguez lopez martinez sanchez perez gomez jimenez ruiz
hernandez diaz moreno munoz alvarez romero navarro torres dominguez vazquez ramos serrano
molina morales ortega delgado castro ortiz rubio marin sanz iglesias nunez medina garrido
castillo herrera silva santos oliveira souza pereira rodrigues almeida nascimento araujo
fernandes carvalho gomes martins rocha ribeiro alves monteiro mendes barros freitas
barbosa pinto moura cavalcanti teixeira puig ferrer
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada
sasaki yamaguchi matsumoto inoue kimura hayashi shimizu
kim choi jung cho yoon jang kwon hwang
nguyen tran pham hoang huynh phan dang bui ngo duong
yilmaz kaya demir sahin celik yildiz yildirim ozturk aydin ozdemir arslan dogan kilic
`

// worldDiminutives are the short forms and nicknames people use for each
// other in chats, in many languages (authored for Parapet from general
// knowledge of naming customs; names are facts): Russian and Ukrainian
// (transliterated), Spanish and Basque, Portuguese, Italian, French,
// German, Polish and Czech, Dutch, Filipino, Indonesian, Nigerian,
// East African, Irish, Scottish and Welsh, and English. Forms that are
// also common words in some language (ola, pato, pino, boy, lies, asia)
// are left out; English words keep their word flags in the gazetteer,
// so the scorer still weighs them.
const worldDiminutives = `
sasha misha dima kolya petya vasya vanya seryozha lyosha alyosha zhenya tolya volodya vova yura
kostya grisha borya tanya katya masha dasha natasha nastya olya lena sveta yulia galya nadya lyuba zina
valya tolik vitya fedya stas arkasha pasha sanya ksyusha lida serezha sergey
paco pepe nacho chuy lupe juanjo manolo chema quique kike rafa nando lalo beto memo chucho pancho
chelo maite charo merche puri reme pili conchi nati vero cata tati quico chus txema inaki josu xabi
koldo unai aitor
zeca chico tiao juca guto duda gabi lulu fafa malu manu lari fabi tuca dede lurdinha zezinho tonho
tonico quinzinho
peppe peppino beppe gigi gino tonino toto ciccio nino lele titti pippo fede giuli checco cecco mimmo
jojo fifi zizou mimi loulou seb steph domi gege dede
uwe sepp hansi gerd kalle jupp resi gretel lenchen hannes basti chrissi steffi moni babsi susi tini uli
fritzi
kuba kasia zosia basia gosia wojtek bartek tomek jurek franek staszek krzysiek maciek iza ewka lucka
honza pepa jirka peta verca ondra zuzka lenka kacka katka
joop kees henk piet klaas sanne bram joris daan lotte ineke truus mies bep
junjun bong jojo lito toto inday migs pao tess weng marites jhong dodong
adit joko bambang yanto agus tini wati yuli dodi ucok butet asep ujang
tayo tunde bayo femi funmi yemi ngozi chidi chidera nkechi ify emeka ebuka kemi bisi dayo seun tobi sola
segun bola shola jide kunle wale tosin dapo ayo
juma neema zawadi baraka amani halima wanjiru wambui njeri kamau otieno achieng akinyi mwangi
niamh siobhan aoife sinead caoimhe ciara saoirse oisin cian padraig eoin cormac ruairi morag kirsty hamish
glenys bronwen rhiannon dafydd iolo gethin sian
kez soph liv becca bex rach jess maddie izzy tash abi ellie hattie millie tilly evie katie danny tommy
johnny jimmy bobby robbie stevie jonny mikey kev gaz baz dazza tez shaz trish debs vicky becky nicky
`

// worldGivenMore are frequent given names of Ireland, Wales and Scotland,
// Nigeria, Kenya and Tanzania, the Philippines, Indonesia, Vietnam
// (folded), Iran, the Gulf, South India and Punjab, the Basque Country
// and Catalonia, Hungary and Greece (transliterated), Finland and Poland
// (last line) that no other list
// of the gazetteer had (authored for Parapet from general knowledge of
// naming customs; names are facts).
const worldGivenMore = `
aoibhinn aisling clodagh grainne roisin eimear fionnuala mairead nuala brid tadhg cathal diarmuid
fergal lorcan cillian angharad carys cerys ffion gwenllian lowri mared sioned eleri emyr huw ieuan
owain geraint llyr ailsa eilidh kirsteen mhairi morven ruaridh torquil adaora chinwe ebele uchenna
ikechukwu oluwadamilare nyambura wairimu muthoni atieno adhiambo chebet jepkoech jeptoo kiprono
kiptoo omondi odhiambo onyango githinji nduta rehema subira mwanaisha zuhura bakari hamisi rashidi
maricel marivic rhodora rodel jomar jhon arnel yanti dedi rizky yudi quynh narges parisa shirin
arash kaveh farhad dariush behnam omid fahd kavitha revathi saranya vijaya anitha deepa senthil
murugan vignesh harpreet gurpreet manpreet jaspreet simran navjot amandeep sukhwinder baljit amaia
garazi leire maialen haizea asier ibai oier xabier eneko quim krisztina orsolya dimitra ioanna
panagiota giorgos dimitris kostas spyros stelios thanasis vangelis
eetu riikka onni eino veeti aada helmi venla iida siiri oliwer
`

// worldGiven19 and worldSurnames19 are frequent given names and surnames
// of communities the lists above still lacked: Zimbabwe, Zambia, Malawi
// and South Africa (Shona, Ndebele, Zulu, Sotho, Tswana), Somalia,
// Ethiopia and Eritrea, Ghana (Akan day names), Nigeria (more Yoruba and
// Igbo), Tibet, Nepal and Bhutan, the Andes (Quechua and Aymara
// surnames), Aotearoa (Māori), Hawai'i and Tonga, Israel, Punjab, Sri
// Lanka, Bangladesh and Turkey (authored for Parapet from general
// knowledge of naming customs; names are facts; no list was copied).
// Names that are also words in English or in a language the detector
// reads (mere, selam, genet, neo, karma, islam, tui, rangi, dawa, shai,
// zulu, lama, sherpa, gill) are left out.
const worldGiven19 = `
tendai tatenda tafadzwa farai rudo chipo nyasha tinashe kudakwashe rutendo mthunzi bongani
sibusiso lindiwe nomsa thulani naledi palesa refilwe lwazi zanele ayanda siyabonga mpho tshepo
kagiso lesego busisiwe themba vusi mandla sizwe nokuthula thandeka zodwa
abdirahman abdi hodan ifrah sahra deeqa ayaan abdirizak mohamud hamdi nimco abdiweli
abebe girma tesfaye mulugeta dawit yonas tigist meron hiwot kidist biniam yohannes mekonnen
adwoa akosua yaa kwasi kwadwo kobina esi afia ekow kwabena
babajide oluwatobi damilola ayomide gbenga kayode lanre temitayo adaobi chiamaka obiageli
nkem chisom ugochukwu somto ifunanya oyinkansola ireoluwa olamide adeola
tenzin dorje pema dolma sonam tashi lhamo nyima norbu pasang lhakpa ngawang
amaru wilber yupanqui
wiremu hemi rawiri tamati aroha ngaire anahera tipene manaia nikau kahurangi hine tane
keanu leilani kealoha makoa noelani kalani malia sione siosaia losana
noa eitan yonatan itai omer tamar shira yael noam yosef rivka tzvi eliyahu gilad yair ofir lior
nir ronit avi
harjit baljinder manjit jaswinder kuldeep sukhdev gurdeep paramjit rajinder harbinder satnam
nimal chaminda dilani ruwan sanduni tharindu kasun
tanvir nusrat farhana sumon rafiq shahid
busra ecrin defne serkan canan huseyin yusuf
ximena nayeli itzel xochitl rigoberto yeray kaua thais
vojta matej stepan
`

const worldSurnames19 = `
moyo ncube dube sibanda phiri mwale tembo nkomo mhlanga chikwanha mutasa chirwa
banda mbeki mahlangu khoza zwane nkosi ndlovu mokoena molefe
warsame farah abdi mohamud osman yusuf
bekele haile girma tesfaye mekonnen abebe gebre tadesse
mensah-bonsu ofori boateng amoah
dorje tamang gurung
mamani quispe condori huaman huamani choque apaza yupanqui chambi ticona
parata ngata tamihana tipene wiremu
kahale kealoha fifita tupou taufa
levy levi cohen friedman mizrahi peretz biton dahan azoulay ohana
dhillon grewal sidhu bains brar virk johal
perera fernando jayasuriya wickramasinghe bandara
chowdhury begum akter hossain
aksoy polat kurt koc
`

// addWorldNames ORs the name flags into the gazetteer: given names as
// frequent given names, surnames as frequent surnames. Flags the
// gazetteer already has (English word, place) stay, so the scorer still
// weighs them.
func addWorldNames(t *table) {
	for _, w := range strings.Fields(worldGiven) {
		t.or(hashWord(w), gFirst|gGiven|gName)
	}
	for _, w := range strings.Fields(worldSurnames) {
		t.or(hashWord(w), gLast|gName)
	}
	for _, w := range strings.Fields(worldGiven19) {
		t.or(hashWord(w), gFirst|gName)
	}
	for _, w := range strings.Fields(worldSurnames19) {
		t.or(hashWord(w), gLast|gName)
	}
	for _, w := range strings.Fields(worldDiminutives + " " + worldGivenMore) {
		t.or(hashWord(w), gFirst|gName)
	}
}
