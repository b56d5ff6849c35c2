export default {
  warnings: {
    straightRow:
      'Rêzên rast ên bişkokên li ser klavyeya we bi hêsanî têne texmîn kirin.',
    keyPattern: 'Nimûneyên klavyeyê yên kurt têne texmîn kirin.',
    simpleRepeat:
      'Karakterên dubarekirî yên mîna "aaa" bi hêsanî têne texmîn kirin.',
    extendedRepeat:
      'Nimûneyên karakterê yên dubarekirî yên mîna "abcabcabc" hêsan têne texmîn kirin.',
    sequences:
      'Rêzên karakterên hevpar ên mîna "abc" bi hêsanî têne texmîn kirin.',
    recentYears: 'Salên dawî texmînkirin hêsan e.',
    dates: 'Dîrok hêsan têne texmîn kirin.',
    topTen: 'Ev şîfreyek pir tê bikar anîn.',
    topHundred: 'Ev şîfreyek pir caran tê bikaranîn e.',
    common: 'Ev şîfreyek bi gelemperî tê bikar anîn.',
    similarToCommon: 'Ev dişibe şîfreyek ku bi gelemperî tê bikar anîn.',
    wordByItself: 'Gotinên yekane hêsan têne texmîn kirin.',
    namesByThemselves: 'Nav an paşnavên yekane têne texmîn kirin.',
    commonNames: 'Nav û paşnavên hevpar bi hêsanî têne texmîn kirin.',
    userInputs: 'Pêdivî ye ku daneyên kesane an rûpelê têkildar tune.',
    pwned:
      'Şîfreya we ji ber binpêkirina daneyan li ser Înternetê hate eşkere kirin.',
  },
  suggestions: {
    l33t: "Ji şûna tîpên pêşbînîkirî yên wekî '@' ji bo 'a' dûr bixin.",
    reverseWords: 'Xwe ji rastnivîsîna berevajî ya peyvên hevpar dûr bixin.',
    allUppercase: 'Hinekan, lê ne hemî tîpan, bi mezin bikin.',
    capitalization: 'Ji tîpa yekem bêtir bi sermayê binivîsin.',
    dates: 'Ji tarîx û salên ku bi we re têkildar in dûr bisekinin.',
    recentYears: 'Ji salên dawî dûr bixin.',
    associatedYears: 'Ji salên ku bi we re têkildar in dûr bikin.',
    sequences: 'Ji rêzikên karakterên hevpar dûr bixin.',
    repeated: 'Ji peyv û karakterên dubare dûr bikevin.',
    longerKeyboardPattern:
      'Nimûneyên klavyeyê yên dirêjtir bikar bînin û rêça nivîsandinê gelek caran biguhezînin.',
    anotherWord: 'Peyvên ku kêm hevpar in zêde bikin.',
    useWords: 'Gelek peyvan bikar bînin, lê ji hevokên hevpar dûr bixin.',
    noNeed:
      'Hûn dikarin şîfreyên bihêz bêyî karanîna sembol, hejmar an tîpên mezin biafirînin.',
    pwned:
      'Heke hûn vê şîfreyê li cîhek din bikar bînin, divê hûn wê biguherînin.',
  },
  timeEstimation: {
    ltSecond: 'ji saniyeyekê kêmtir',
    second: '{base} second',
    seconds: '{base} saniyeyan',
    minute: '{base} deqqe',
    minutes: '{base} deqiqeyan',
    hour: '{base} seet',
    hours: '{base} seetan',
    day: '{base} roj',
    days: '{base} rojan',
    month: '{base} meh',
    months: '{base} mehan',
    year: '{base} sal',
    years: '{base} salan',
    centuries: 'sedsalan',
  },
}
