import type { Locale } from "../../../shared/schemas/common.ts";

/** Server-side texts: transactional e-mail and error titles, in the six UN languages. */
type Catalog = Record<string, string>;

const en: Catalog = {
  "mail.verify.subject": "Confirm your e-mail address for UNTOC Engage",
  "mail.verify.body":
    "Hello {name},\n\nPlease confirm your e-mail address by opening this link:\n{url}\n\nIf you did not create an account, ignore this message.",
  "mail.reset.subject": "Reset your UNTOC Engage password",
  "mail.reset.body":
    "Hello {name},\n\nTo choose a new password, open this link (valid for one hour):\n{url}\n\nIf you did not ask for this, ignore this message.",
  "mail.orgVerified.subject": "Your organisation has been verified",
  "mail.orgVerified.body": "Hello,\n\n{org} is now verified and listed in the UNTOC Engage directory.",
  "mail.orgRejected.subject": "Your organisation's registration",
  "mail.orgRejected.body":
    "Hello,\n\nThe registration of {org} was not approved. Reason given by the secretariat:\n{reason}",
  "mail.membership.subject": "New membership request",
  "mail.membership.body": "Hello,\n\n{person} asks to join {org}. Open UNTOC Engage to approve or decline.",
  "error.validation": "Some fields are not valid.",
  "error.unauthorized": "Sign in to continue.",
  "error.forbidden": "You are not allowed to do this.",
  "error.not_found": "Not found.",
  "error.two_factor_required": "Set up two-step verification to use secretariat and admin functions.",
  "error.rate_limited": "Too many attempts. Try again later.",
  "error.csrf": "This request was refused because it did not come from the application.",
  "error.internal": "Something went wrong on our side.",
  "error.file_empty": "The file is empty.",
  "error.file_too_large": "The file is too large.",
  "error.file_type_not_allowed": "This kind of file is not accepted.",
  "error.file_missing": "Attach a file.",
  "error.import_unreadable": "The file could not be read.",
  "error.import_empty": "The file has no data.",
  "error.import_too_large": "The file has too many rows.",
  "error.import_mapping": "Choose which column holds each field.",
  "error.import_invalid_rows": "Some rows have errors; nothing was imported.",
  "error.import_merge_target": "The record to merge into does not exist.",
  "error.invalid_transition": "This change is not possible in the current state.",
  "error.organization_merged": "This organisation was merged into another one.",
  "error.organization_not_verified": "This organisation is not verified yet.",
  "error.membership_exists": "You already have a membership request for this organisation.",
  "error.reference_invalid": "The reference data file is not valid.",
  "error.reference_code_change": "The code of a reference item cannot change.",
  "error.self_demotion": "You cannot remove your own admin role.",
  "error.no_access_rule": "This function is not available.",
  "error.bad_request": "The request could not be understood.",
  "error.unsupported_media_type": "This type of content is not accepted.",
};

const fr: Catalog = {
  "mail.verify.subject": "Confirmez votre adresse électronique pour UNTOC Engage",
  "mail.verify.body":
    "Bonjour {name},\n\nVeuillez confirmer votre adresse électronique en ouvrant ce lien :\n{url}\n\nSi vous n'avez pas créé de compte, ignorez ce message.",
  "mail.reset.subject": "Réinitialisez votre mot de passe UNTOC Engage",
  "mail.reset.body":
    "Bonjour {name},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable une heure) :\n{url}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.",
  "mail.orgVerified.subject": "Votre organisation a été vérifiée",
  "mail.orgVerified.body":
    "Bonjour,\n\n{org} est désormais vérifiée et figure dans l'annuaire d'UNTOC Engage.",
  "mail.orgRejected.subject": "L'enregistrement de votre organisation",
  "mail.orgRejected.body":
    "Bonjour,\n\nL'enregistrement de {org} n'a pas été approuvé. Motif indiqué par le secrétariat :\n{reason}",
  "mail.membership.subject": "Nouvelle demande d'adhésion",
  "mail.membership.body":
    "Bonjour,\n\n{person} demande à rejoindre {org}. Ouvrez UNTOC Engage pour accepter ou refuser.",
  "error.validation": "Certains champs ne sont pas valides.",
  "error.unauthorized": "Connectez-vous pour continuer.",
  "error.forbidden": "Vous n'êtes pas autorisé à effectuer cette action.",
  "error.not_found": "Introuvable.",
  "error.two_factor_required":
    "Activez la vérification en deux étapes pour utiliser les fonctions du secrétariat et d'administration.",
  "error.rate_limited": "Trop de tentatives. Réessayez plus tard.",
  "error.csrf": "Cette requête a été refusée car elle ne provient pas de l'application.",
  "error.internal": "Une erreur s'est produite de notre côté.",
  "error.file_empty": "Le fichier est vide.",
  "error.file_too_large": "Le fichier est trop volumineux.",
  "error.file_type_not_allowed": "Ce type de fichier n'est pas accepté.",
  "error.file_missing": "Joignez un fichier.",
  "error.import_unreadable": "Le fichier n'a pas pu être lu.",
  "error.import_empty": "Le fichier ne contient aucune donnée.",
  "error.import_too_large": "Le fichier contient trop de lignes.",
  "error.import_mapping": "Indiquez quelle colonne contient chaque champ.",
  "error.import_invalid_rows": "Certaines lignes comportent des erreurs ; rien n'a été importé.",
  "error.import_merge_target": "L'enregistrement cible de la fusion n'existe pas.",
  "error.invalid_transition": "Cette modification n'est pas possible dans l'état actuel.",
  "error.organization_merged": "Cette organisation a été fusionnée avec une autre.",
  "error.organization_not_verified": "Cette organisation n'est pas encore vérifiée.",
  "error.membership_exists": "Vous avez déjà une demande d'adhésion auprès de cette organisation.",
  "error.reference_invalid": "Le fichier de données de référence n'est pas valide.",
  "error.reference_code_change": "Le code d'un élément de référence ne peut pas être modifié.",
  "error.self_demotion": "Vous ne pouvez pas retirer votre propre rôle d'administrateur.",
  "error.no_access_rule": "Cette fonction n'est pas disponible.",
  "error.bad_request": "La requête n'a pas pu être comprise.",
  "error.unsupported_media_type": "Ce type de contenu n'est pas accepté.",
};

const es: Catalog = {
  "mail.verify.subject": "Confirme su dirección de correo electrónico para UNTOC Engage",
  "mail.verify.body":
    "Hola {name}:\n\nConfirme su dirección de correo electrónico abriendo este enlace:\n{url}\n\nSi no creó una cuenta, ignore este mensaje.",
  "mail.reset.subject": "Restablezca su contraseña de UNTOC Engage",
  "mail.reset.body":
    "Hola {name}:\n\nPara elegir una nueva contraseña, abra este enlace (válido durante una hora):\n{url}\n\nSi no lo solicitó, ignore este mensaje.",
  "mail.orgVerified.subject": "Su organización ha sido verificada",
  "mail.orgVerified.body": "Hola:\n\n{org} ya está verificada y figura en el directorio de UNTOC Engage.",
  "mail.orgRejected.subject": "El registro de su organización",
  "mail.orgRejected.body":
    "Hola:\n\nEl registro de {org} no fue aprobado. Motivo indicado por la secretaría:\n{reason}",
  "mail.membership.subject": "Nueva solicitud de adhesión",
  "mail.membership.body":
    "Hola:\n\n{person} solicita unirse a {org}. Abra UNTOC Engage para aprobar o rechazar.",
  "error.validation": "Algunos campos no son válidos.",
  "error.unauthorized": "Inicie sesión para continuar.",
  "error.forbidden": "No tiene permiso para hacer esto.",
  "error.not_found": "No encontrado.",
  "error.two_factor_required":
    "Configure la verificación en dos pasos para usar las funciones de secretaría y administración.",
  "error.rate_limited": "Demasiados intentos. Inténtelo más tarde.",
  "error.csrf": "Se rechazó esta solicitud porque no procede de la aplicación.",
  "error.internal": "Algo salió mal por nuestra parte.",
  "error.file_empty": "El archivo está vacío.",
  "error.file_too_large": "El archivo es demasiado grande.",
  "error.file_type_not_allowed": "No se acepta este tipo de archivo.",
  "error.file_missing": "Adjunte un archivo.",
  "error.import_unreadable": "No se pudo leer el archivo.",
  "error.import_empty": "El archivo no contiene datos.",
  "error.import_too_large": "El archivo tiene demasiadas filas.",
  "error.import_mapping": "Elija qué columna contiene cada campo.",
  "error.import_invalid_rows": "Algunas filas contienen errores; no se importó nada.",
  "error.import_merge_target": "El registro con el que se quiere fusionar no existe.",
  "error.invalid_transition": "Este cambio no es posible en el estado actual.",
  "error.organization_merged": "Esta organización se fusionó con otra.",
  "error.organization_not_verified": "Esta organización aún no está verificada.",
  "error.membership_exists": "Ya tiene una solicitud de adhesión a esta organización.",
  "error.reference_invalid": "El archivo de datos de referencia no es válido.",
  "error.reference_code_change": "El código de un elemento de referencia no se puede cambiar.",
  "error.self_demotion": "No puede retirar su propia función de administrador.",
  "error.no_access_rule": "Esta función no está disponible.",
  "error.bad_request": "No se pudo entender la solicitud.",
  "error.unsupported_media_type": "No se acepta este tipo de contenido.",
};

const ru: Catalog = {
  "mail.verify.subject": "Подтвердите адрес электронной почты для UNTOC Engage",
  "mail.verify.body":
    "Здравствуйте, {name}!\n\nПодтвердите адрес электронной почты, открыв ссылку:\n{url}\n\nЕсли вы не создавали учетную запись, проигнорируйте это сообщение.",
  "mail.reset.subject": "Сброс пароля UNTOC Engage",
  "mail.reset.body":
    "Здравствуйте, {name}!\n\nЧтобы задать новый пароль, откройте ссылку (действует один час):\n{url}\n\nЕсли вы этого не запрашивали, проигнорируйте сообщение.",
  "mail.orgVerified.subject": "Ваша организация проверена",
  "mail.orgVerified.body": "Здравствуйте!\n\n{org} проверена и внесена в каталог UNTOC Engage.",
  "mail.orgRejected.subject": "Регистрация вашей организации",
  "mail.orgRejected.body":
    "Здравствуйте!\n\nРегистрация {org} не одобрена. Причина, указанная секретариатом:\n{reason}",
  "mail.membership.subject": "Новый запрос на членство",
  "mail.membership.body":
    "Здравствуйте!\n\n{person} просит принять его в {org}. Откройте UNTOC Engage, чтобы одобрить или отклонить запрос.",
  "error.validation": "Некоторые поля заполнены неверно.",
  "error.unauthorized": "Войдите, чтобы продолжить.",
  "error.forbidden": "У вас нет прав на это действие.",
  "error.not_found": "Не найдено.",
  "error.two_factor_required":
    "Настройте двухэтапную проверку, чтобы пользоваться функциями секретариата и администратора.",
  "error.rate_limited": "Слишком много попыток. Повторите позже.",
  "error.csrf": "Запрос отклонен, так как он отправлен не из приложения.",
  "error.internal": "На нашей стороне произошла ошибка.",
  "error.file_empty": "Файл пуст.",
  "error.file_too_large": "Файл слишком большой.",
  "error.file_type_not_allowed": "Файлы такого типа не принимаются.",
  "error.file_missing": "Прикрепите файл.",
  "error.import_unreadable": "Не удалось прочитать файл.",
  "error.import_empty": "В файле нет данных.",
  "error.import_too_large": "В файле слишком много строк.",
  "error.import_mapping": "Укажите, в каком столбце находится каждое поле.",
  "error.import_invalid_rows": "В некоторых строках есть ошибки; ничего не импортировано.",
  "error.import_merge_target": "Запись, с которой нужно выполнить объединение, не существует.",
  "error.invalid_transition": "Это изменение невозможно в текущем состоянии.",
  "error.organization_merged": "Эта организация объединена с другой.",
  "error.organization_not_verified": "Эта организация еще не проверена.",
  "error.membership_exists": "У вас уже есть заявка на вступление в эту организацию.",
  "error.reference_invalid": "Файл справочных данных недействителен.",
  "error.reference_code_change": "Код элемента справочника нельзя изменить.",
  "error.self_demotion": "Вы не можете снять с себя роль администратора.",
  "error.no_access_rule": "Эта функция недоступна.",
  "error.bad_request": "Не удалось распознать запрос.",
  "error.unsupported_media_type": "Содержимое такого типа не принимается.",
};

const ar: Catalog = {
  "mail.verify.subject": "أكِّد عنوان بريدك الإلكتروني في منصة UNTOC Engage",
  "mail.verify.body":
    "مرحبًا {name}،\n\nيرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط:\n{url}\n\nإذا لم تُنشئ حسابًا، فتجاهل هذه الرسالة.",
  "mail.reset.subject": "إعادة تعيين كلمة المرور في UNTOC Engage",
  "mail.reset.body":
    "مرحبًا {name}،\n\nلاختيار كلمة مرور جديدة، افتح هذا الرابط (صالح لمدة ساعة):\n{url}\n\nإذا لم تطلب ذلك، فتجاهل هذه الرسالة.",
  "mail.orgVerified.subject": "تم التحقق من منظمتك",
  "mail.orgVerified.body": "مرحبًا،\n\nتم التحقق من {org} وأُدرجت في دليل UNTOC Engage.",
  "mail.orgRejected.subject": "تسجيل منظمتك",
  "mail.orgRejected.body": "مرحبًا،\n\nلم تتم الموافقة على تسجيل {org}. السبب الذي قدمته الأمانة:\n{reason}",
  "mail.membership.subject": "طلب عضوية جديد",
  "mail.membership.body": "مرحبًا،\n\nيطلب {person} الانضمام إلى {org}. افتح UNTOC Engage للموافقة أو الرفض.",
  "error.validation": "بعض الحقول غير صالحة.",
  "error.unauthorized": "سجِّل الدخول للمتابعة.",
  "error.forbidden": "غير مسموح لك بالقيام بذلك.",
  "error.not_found": "غير موجود.",
  "error.two_factor_required": "فعِّل التحقق بخطوتين لاستخدام وظائف الأمانة والإدارة.",
  "error.rate_limited": "محاولات كثيرة جدًا. حاول لاحقًا.",
  "error.csrf": "رُفض هذا الطلب لأنه لم يصدر عن التطبيق.",
  "error.internal": "حدث خطأ من جانبنا.",
  "error.file_empty": "الملف فارغ.",
  "error.file_too_large": "حجم الملف كبير جدًا.",
  "error.file_type_not_allowed": "هذا النوع من الملفات غير مقبول.",
  "error.file_missing": "أرفِق ملفًا.",
  "error.import_unreadable": "تعذّرت قراءة الملف.",
  "error.import_empty": "لا يحتوي الملف على أي بيانات.",
  "error.import_too_large": "يحتوي الملف على عدد كبير جدًا من الصفوف.",
  "error.import_mapping": "اختر العمود الذي يتضمن كل حقل.",
  "error.import_invalid_rows": "توجد أخطاء في بعض الصفوف؛ ولم يُستورد أي شيء.",
  "error.import_merge_target": "السجل المراد الدمج فيه غير موجود.",
  "error.invalid_transition": "لا يمكن إجراء هذا التغيير في الحالة الراهنة.",
  "error.organization_merged": "دُمجت هذه المنظمة في منظمة أخرى.",
  "error.organization_not_verified": "لم يتم التحقق من هذه المنظمة بعد.",
  "error.membership_exists": "لديك بالفعل طلب عضوية في هذه المنظمة.",
  "error.reference_invalid": "ملف البيانات المرجعية غير صالح.",
  "error.reference_code_change": "لا يمكن تغيير رمز عنصر مرجعي.",
  "error.self_demotion": "لا يمكنك أن تنزع عن نفسك دور المشرف.",
  "error.no_access_rule": "هذه الوظيفة غير متاحة.",
  "error.bad_request": "تعذّر فهم الطلب.",
  "error.unsupported_media_type": "هذا النوع من المحتوى غير مقبول.",
};

const zh: Catalog = {
  "mail.verify.subject": "请确认您在 UNTOC Engage 的电子邮件地址",
  "mail.verify.body":
    "{name}，您好：\n\n请打开以下链接确认您的电子邮件地址：\n{url}\n\n如果您没有创建账户，请忽略此邮件。",
  "mail.reset.subject": "重置您的 UNTOC Engage 密码",
  "mail.reset.body":
    "{name}，您好：\n\n请打开以下链接设置新密码（一小时内有效）：\n{url}\n\n如果这不是您本人的请求，请忽略此邮件。",
  "mail.orgVerified.subject": "您的组织已通过核实",
  "mail.orgVerified.body": "您好：\n\n{org} 已通过核实，并已列入 UNTOC Engage 名录。",
  "mail.orgRejected.subject": "关于您组织的注册",
  "mail.orgRejected.body": "您好：\n\n{org} 的注册未获批准。秘书处给出的理由：\n{reason}",
  "mail.membership.subject": "新的成员申请",
  "mail.membership.body": "您好：\n\n{person} 申请加入 {org}。请打开 UNTOC Engage 批准或拒绝。",
  "error.validation": "部分字段无效。",
  "error.unauthorized": "请登录后继续。",
  "error.forbidden": "您无权执行此操作。",
  "error.not_found": "未找到。",
  "error.two_factor_required": "请设置两步验证，以使用秘书处和管理员功能。",
  "error.rate_limited": "尝试次数过多，请稍后再试。",
  "error.csrf": "此请求并非来自本应用，已被拒绝。",
  "error.internal": "我们这边出现了问题。",
  "error.file_empty": "文件为空。",
  "error.file_too_large": "文件过大。",
  "error.file_type_not_allowed": "不接受此类文件。",
  "error.file_missing": "请附上文件。",
  "error.import_unreadable": "无法读取该文件。",
  "error.import_empty": "文件中没有数据。",
  "error.import_too_large": "文件行数过多。",
  "error.import_mapping": "请选择每个字段所在的列。",
  "error.import_invalid_rows": "部分行有错误，未导入任何内容。",
  "error.import_merge_target": "要合并到的记录不存在。",
  "error.invalid_transition": "当前状态下无法进行此更改。",
  "error.organization_merged": "该组织已合并到另一个组织。",
  "error.organization_not_verified": "该组织尚未通过核实。",
  "error.membership_exists": "您已向该组织提交过成员申请。",
  "error.reference_invalid": "参考数据文件无效。",
  "error.reference_code_change": "参考条目的代码不可更改。",
  "error.self_demotion": "您不能撤销自己的管理员角色。",
  "error.no_access_rule": "此功能不可用。",
  "error.bad_request": "无法理解该请求。",
  "error.unsupported_media_type": "不接受此类内容。",
};

export const serverCatalogs: Record<Locale, Catalog> = { ar, en, es, fr, ru, zh };

export function serverT(locale: string, key: string, vars: Record<string, string> = {}): string {
  const cat = serverCatalogs[(locale as Locale) in serverCatalogs ? (locale as Locale) : "en"];
  const text = cat[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? "");
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return "en";
  for (const part of acceptLanguage.split(",")) {
    const tag = part.split(";")[0].trim().slice(0, 2).toLowerCase();
    if (tag in serverCatalogs) return tag as Locale;
  }
  return "en";
}
