/** Sample inputs in the six languages, used by the tests and by preview.ts. */
import type { CertificateInput } from "./certificate.ts";
import type { PdfLang } from "./document.ts";
import type { ReportInput } from "./report.ts";

const CODE = "7KQ2-M9XD-4TPA";
const URL = `https://engage.example.org/verify/${CODE}`;

type Texts = Omit<CertificateInput, "lang" | "code" | "verifyUrl">;

const CERTIFICATE_TEXTS: Record<PdfLang, Texts> = {
  en: {
    heading: "Certificate of participation",
    preamble: "This is to certify that",
    name: "Maria Fernanda López-García",
    body:
      "participated in the Online Training on the UNTOC Review Mechanism for Civil Society, " +
      "held online from 10 to 12 November 2020",
    details: ["Attendance: 6 h 30 min", "Sessions attended: 5 of 6"],
    issuer: "United Nations Office on Drugs and Crime — Civil Society Unit",
    issuedOn: "12 November 2020",
    verifyLabel: "Verify at",
  },
  ar: {
    heading: "شهادة مشاركة",
    preamble: "يُشهد بأنّ",
    name: "محمد عبد الله الأحمد",
    body:
      "شارك في الدورة التدريبية الإلكترونية بشأن آلية استعراض اتفاقية الأمم المتحدة لمكافحة الجريمة " +
      "المنظمة عبر الوطنية (UNTOC) لمنظمات المجتمع المدني، التي عُقدت عبر الإنترنت في الفترة من 10 إلى 12 " +
      "تشرين الثاني/نوفمبر 2020",
    details: ["مدة الحضور: 6 ساعات و30 دقيقة"],
    issuer: "مكتب الأمم المتحدة المعني بالمخدرات والجريمة — وحدة المجتمع المدني",
    issuedOn: "12 تشرين الثاني/نوفمبر 2020",
    verifyLabel: "للتحقق من الشهادة:",
  },
  es: {
    heading: "Certificado de participación",
    preamble: "Por la presente se certifica que",
    name: "José Núñez Peña",
    body:
      "participó en la Capacitación en línea sobre el Mecanismo de Examen de la UNTOC para la sociedad " +
      "civil, celebrada en línea del 10 al 12 de noviembre de 2020",
    details: ["Asistencia: 6 h 30 min"],
    issuer: "Oficina de las Naciones Unidas contra la Droga y el Delito — Unidad de la Sociedad Civil",
    issuedOn: "12 de noviembre de 2020",
    verifyLabel: "Verificar en",
  },
  fr: {
    heading: "Certificat de participation",
    preamble: "Nous certifions que",
    name: "Zoë Lefèvre-Château",
    body:
      "a participé à la formation en ligne sur le Mécanisme d’examen de la Convention contre la criminalité " +
      "transnationale organisée destinée à la société civile, tenue en ligne du 10 au 12 novembre 2020",
    details: ["Présence : 6 h 30 min"],
    issuer: "Office des Nations Unies contre la drogue et le crime — Groupe de la société civile",
    issuedOn: "12 novembre 2020",
    verifyLabel: "Vérifier sur",
  },
  ru: {
    heading: "Сертификат об участии",
    preamble: "Настоящим удостоверяется, что",
    name: "Анна Сергеевна Кузнецова",
    body:
      "приняла участие в онлайн-тренинге по Механизму обзора Конвенции против транснациональной " +
      "организованной преступности для гражданского общества, проходившем в режиме онлайн с 10 по 12 ноября 2020 года",
    details: ["Посещаемость: 6 ч 30 мин"],
    issuer:
      "Управление Организации Объединенных Наций по наркотикам и преступности — Группа по делам гражданского общества",
    issuedOn: "12 ноября 2020 г.",
    verifyLabel: "Проверить:",
  },
  zh: {
    heading: "参与证书",
    preamble: "兹证明",
    name: "王小明",
    body: "参加了2020年11月10日至12日在线举办的关于《联合国打击跨国有组织犯罪公约》审议机制的民间社会在线培训。",
    details: ["出席时长：6小时30分钟"],
    issuer: "联合国毒品和犯罪问题办公室 — 民间社会股",
    issuedOn: "2020年11月12日",
    verifyLabel: "验证网址",
  },
};

export function sampleCertificate(
  lang: PdfLang,
  overrides: Partial<CertificateInput> = {},
): CertificateInput {
  return { lang, ...CERTIFICATE_TEXTS[lang], code: CODE, verifyUrl: URL, ...overrides };
}

const PEOPLE = [
  ["Amina Diallo", "Réseau Ouest-Africain pour la Paix", "Senegal"],
  ["محمد الأحمد", "جمعية الشفافية", "Jordan"],
  ["王小明", "中国法学会", "China"],
  ["Ольга Иванова", "Фонд «Открытое общество»", "Kazakhstan"],
  ["Carlos Mendoza", "Fundación Transparencia", "Colombia"],
  ["Priya Raman", "Centre for Law and Policy", "India"],
  ["Jean-Pierre Dubois", "Observatoire citoyen", "France"],
  ["فاطمة الزهراء بنعلي", "المرصد المغربي للنزاهة", "Morocco"],
  ["李华", "北京大学法学院", "China"],
  ["Kwame Mensah", "Ghana Anti-Corruption Coalition", "Ghana"],
];

const REPORT_TEXTS: Record<"en" | "ar" | "zh", Omit<ReportInput, "lang" | "sections"> & { s: string[] }> = {
  en: {
    title: "Online Training on the UNTOC Review Mechanism — Event report",
    subtitle: "10–12 November 2020, online",
    generatedOn: "Generated on 13 November 2020",
    footer: "UNODC Civil Society Unit — UNTOC Engage",
    s: [
      "Summary",
      "The training introduced civil society organizations to the Mechanism for the Review of the Implementation " +
        "of the United Nations Convention against Transnational Organized Crime (UNTOC) and its Protocols. " +
        "Participants from 41 countries followed six sessions over three days; the sessions were interpreted " +
        "into Arabic, Chinese, French, Russian and Spanish.",
      "Key figures",
      "Registered",
      "Attended",
      "Attendance rate",
      "Countries",
      "Participants",
      "Name",
      "Organization",
      "Country",
      "Attendance",
    ],
  },
  ar: {
    title: "الدورة التدريبية الإلكترونية بشأن آلية استعراض اتفاقية الجريمة المنظمة — تقرير الفعالية",
    subtitle: "من 10 إلى 12 تشرين الثاني/نوفمبر 2020، عبر الإنترنت",
    generatedOn: "أُعدّ في 13 تشرين الثاني/نوفمبر 2020",
    footer: "وحدة المجتمع المدني في مكتب الأمم المتحدة المعني بالمخدرات والجريمة (UNODC)",
    s: [
      "موجز",
      "عرّفت الدورة التدريبية منظمات المجتمع المدني بآلية استعراض تنفيذ اتفاقية الأمم المتحدة لمكافحة الجريمة " +
        "المنظمة عبر الوطنية (UNTOC) والبروتوكولات الملحقة بها. وتابع مشاركون من 41 بلداً ست جلسات على مدى " +
        "ثلاثة أيام، وقد وفّر مكتب UNODC الترجمة الشفوية إلى الإسبانية والروسية والصينية والفرنسية. " +
        "وبلغ معدل الحضور 76% من المسجلين.",
      "أرقام رئيسية",
      "المسجلون",
      "الحاضرون",
      "معدل الحضور",
      "البلدان",
      "المشاركون",
      "الاسم",
      "المنظمة",
      "البلد",
      "مدة الحضور",
    ],
  },
  zh: {
    title: "关于《联合国打击跨国有组织犯罪公约》审议机制的在线培训 — 活动报告",
    subtitle: "2020年11月10日至12日，在线举办",
    generatedOn: "生成日期：2020年11月13日",
    footer: "联合国毒品和犯罪问题办公室（UNODC）民间社会股",
    s: [
      "概要",
      "本次培训向民间社会组织介绍了《联合国打击跨国有组织犯罪公约》（UNTOC）及其议定书实施情况审议机制。" +
        "来自41个国家的参与者在三天内参加了六场会议，会议提供阿拉伯文、中文、法文、俄文和西班牙文同声传译。" +
        "出席率为76%。",
      "关键数据",
      "注册人数",
      "出席人数",
      "出席率",
      "国家数",
      "参与者",
      "姓名",
      "组织",
      "国家",
      "出席时长",
    ],
  },
};

/** A report whose participant table runs over several pages. */
export function sampleReport(lang: "en" | "ar" | "zh", rows = 80): ReportInput {
  const { s, ...head } = REPORT_TEXTS[lang];
  return {
    lang,
    ...head,
    sections: [
      { heading: s[0], paragraphs: [s[1], s[1]] },
      {
        heading: s[2],
        stats: [
          { label: s[3], value: "128" },
          { label: s[4], value: "97" },
          { label: s[5], value: "76%" },
          { label: s[6], value: "41" },
        ],
      },
      {
        heading: s[7],
        table: {
          columns: ["#", s[8], s[9], s[10], s[11]],
          rows: Array.from({ length: rows }, (_, i) => {
            const [name, org, country] = PEOPLE[i % PEOPLE.length];
            return [String(i + 1), name, org, country, `${3 + (i % 4)} h ${(i * 7) % 60} min`];
          }),
        },
      },
    ],
  };
}
