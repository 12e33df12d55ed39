import { clientText } from '../client-text.ts';
import { PageHeading, useTitle } from '../page-parts.tsx';

const STATEMENT = {
  sv: {
    title: 'Tillgänglighet för Samforms e-tjänster',
    paragraphs: [
      'Kommunerna som använder Samform ansvarar för sina e-tjänster. Vi vill att så många som möjligt ska kunna använda dem. Här beskriver vi hur e-tjänsterna uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), kända brister och hur du kan meddela oss problem.',
    ],
    sections: [
      {
        heading: 'Hur tillgänglig är webbplatsen?',
        paragraphs: [
          'Vi bygger e-tjänsterna för att uppfylla WCAG 2.1 nivå AA. Varje fråga har en synlig etikett, fel visas både överst och vid frågan, du kan granska dina svar innan du skickar och allt går att använda med bara tangentbord. Sidorna fungerar i 320 pixlars bredd, med 200 procents förstoring och utan JavaScript.',
          'Webbplatsen är delvis förenlig med WCAG 2.1 nivå AA. Vi testar med automatiska verktyg (axe) och med tangentbord, men ingen extern granskning är gjord än.',
        ],
      },
      {
        heading: 'Kända brister',
        paragraphs: [
                    'Inloggning med e-legitimation finns inte än i de e-tjänster som kräver den.',
          'E-tjänsterna finns på svenska och engelska. Sydsamiska, finska och meänkieli saknas än.',
        ],
      },
      {
        heading: 'Om du hittar brister',
        paragraphs: [
          'Kontakta kommunen som erbjuder e-tjänsten och berätta vad som inte fungerade, så hjälper de dig att lämna ditt ärende på annat sätt och rättar felet.',
          'Om du inte är nöjd med hur vi hanterar dina synpunkter kan du anmäla det till Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet: digg.se/tdosanmalan.',
        ],
      },
    ],
    updated: 'Redogörelsen uppdaterades senast i november 2025.',
  },
  en: {
    title: 'Accessibility of the Samform e-services',
    paragraphs: [
      'The municipalities that use Samform are responsible for their e-services. We want as many people as possible to be able to use them. This statement describes how the e-services meet the Swedish law on accessibility of digital public services (DOS-lagen), the known problems and how to report a problem.',
    ],
    sections: [
      {
        heading: 'How accessible is the site?',
        paragraphs: [
          'We build the e-services to meet WCAG 2.1 level AA. Every question has a visible label, errors are shown both at the top and beside the question, you can check your answers before you send them and everything works with a keyboard alone. The pages work at 320 pixels wide, at 200 percent zoom and without JavaScript.',
          'The site partially conforms to WCAG 2.1 level AA. We test with automated tools (axe) and with the keyboard, but no external audit has been made yet.',
        ],
      },
      {
        heading: 'Known problems',
        paragraphs: [
                    'Logging in with e-ID is not yet available in the e-services that require it.',
          'The e-services are in Swedish and English. South Sami, Finnish and Meänkieli are still missing.',
        ],
      },
      {
        heading: 'If you find a problem',
        paragraphs: [
          'Contact the municipality that offers the e-service and tell them what did not work. They will help you submit your matter another way and fix the problem.',
          'If you are not satisfied with how we handle your report, you can report it to the Agency for Digital Government (Digg), the supervisory authority: digg.se/tdosanmalan.',
        ],
      },
    ],
    updated: 'This statement was last updated in November 2025.',
  },
};

/** The accessibility statement the law (DOS-lagen) requires, with how to report a barrier. */
export function AccessibilityPage({ locale }: { locale: string }) {
  const s = locale === 'en' ? STATEMENT.en : STATEMENT.sv;
  useTitle([clientText(locale).accessibility], locale);
  return (
    <div className="sf-main-column">
      <PageHeading>{s.title}</PageHeading>
      {s.paragraphs.map((p) => (
        <p className="sf-lead" key={p}>
          {p}
        </p>
      ))}
      {s.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
      <p>{s.updated}</p>
    </div>
  );
}
