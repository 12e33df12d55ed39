/** The citizen site's own words, per locale. */
export const CLIENT_TEXT = {
  sv: {
    site: 'Samform',
    tagline: 'E-tjänster för kommunerna',
    skip: 'Till innehållet',
    language: 'Språk',
    chooseMunicipality: 'Välj din kommun',
    chooseIntro: 'Här finns e-tjänsterna för kommunerna i regionerna. Välj kommunen du bor i eller har ärendet hos.',
    otherMunicipalities: 'Övriga kommuner',
    services: 'E-tjänster',
    servicesIn: (name: string) => `E-tjänster i ${name}`,
    noServices: 'Kommunen har inga e-tjänster här än.',
    shared: (owner: string) => `Gemensam e-tjänst, ${owner}`,
    categories: {
      ideer: 'Idéer och förslag',
      va: 'Vatten och avlopp',
      avfall: 'Avfall och återvinning',
      gata: 'Gata, park och felanmälan',
      other: 'Övriga e-tjänster',
    } as Record<string, string>,
    loading: 'Hämtar…',
    notFound: 'Sidan finns inte',
    notFoundBody: 'Kontrollera adressen, eller börja om från startsidan.',
    toStart: 'Till startsidan',
    error: 'Något gick fel',
    errorBody: 'Sidan kunde inte visas just nu. Försök igen om en stund.',
    tooMany: 'För många inskick just nu',
    tooManyBody: (seconds: number) => `Dina svar är sparade. Vänta ${seconds < 90 ? `${seconds} sekunder` : `${Math.ceil(seconds / 60)} minuter`} och skicka igen.`,
    tryAgain: 'Tillbaka till granskningen',
    receiptMissing: 'Kvittot finns inte längre i den här webbläsaren. Referensnumret finns i bekräftelsen du fick när du skickade.',
    backToServices: (name: string) => `Till e-tjänsterna i ${name}`,
    accessibility: 'Tillgänglighet',
    receipt: 'Kvitto',
    footerAbout: 'Samform är en öppen plattform för kommunernas e-tjänster.',
  },
  en: {
    site: 'Samform',
    tagline: 'E-services of the municipalities',
    skip: 'Skip to content',
    language: 'Language',
    chooseMunicipality: 'Choose your municipality',
    chooseIntro: 'These are the e-services of the municipalities in the regions. Choose the municipality you live in or have your matter with.',
    otherMunicipalities: 'Other municipalities',
    services: 'E-services',
    servicesIn: (name: string) => `E-services in ${name}`,
    noServices: 'The municipality has no e-services here yet.',
    shared: (owner: string) => `Shared e-service, ${owner}`,
    categories: {
      ideer: 'Ideas and proposals',
      va: 'Water and sewage',
      avfall: 'Waste and recycling',
      gata: 'Streets, parks and fault reports',
      other: 'Other e-services',
    } as Record<string, string>,
    loading: 'Loading…',
    notFound: 'Page not found',
    notFoundBody: 'Check the address, or start again from the home page.',
    toStart: 'Go to the home page',
    error: 'Something went wrong',
    errorBody: 'The page could not be shown right now. Please try again in a moment.',
    tooMany: 'Too many forms sent just now',
    tooManyBody: (seconds: number) => `Your answers are saved. Wait ${seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`} and send again.`,
    tryAgain: 'Back to the review',
    receiptMissing: 'The receipt is no longer stored in this browser. The reference number is in the confirmation you got when you sent the form.',
    backToServices: (name: string) => `To the e-services in ${name}`,
    accessibility: 'Accessibility',
    receipt: 'Receipt',
    footerAbout: 'Samform is an open platform for the e-services of municipalities.',
  },
};

/** The site's words in a locale. */
export type ClientText = (typeof CLIENT_TEXT)['sv'];

/** The site's words for `sv` or `en`. */
export function clientText(locale: string): ClientText {
  return locale === 'en' ? CLIENT_TEXT.en : CLIENT_TEXT.sv;
}
