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
  "mail.event.linkLine": "Join online: {link}",
  "mail.applicationReceived.subject": "Application received: {event}",
  "mail.applicationReceived.body":
    "Hello,\n\nWe have received your application to {event} ({dates}). You will hear from the secretariat once the selection is made.\n\n{url}",
  "mail.endorsementRequest.subject": "Endorsement requested: {event}",
  "mail.endorsementRequest.body":
    "Hello,\n\n{person} has applied to {event} ({dates}) on behalf of {org}. As the organisation's focal point, please endorse the application or decline to do so in UNTOC Engage.\n\n{url}",
  "mail.applicationAccepted.subject": "You have a place at {event}",
  "mail.applicationAccepted.body":
    "Hello,\n\nWe are pleased to offer you a place at {event} ({dates}). Please confirm or decline your place in UNTOC Engage:\n{url}",
  "mail.applicationWaitlisted.subject": "Waiting list: {event}",
  "mail.applicationWaitlisted.body":
    "Hello,\n\nThank you for applying to {event} ({dates}). All places are currently taken; your application is on the waiting list and you will be told at once if a place becomes free.\n\n{url}",
  "mail.applicationRejected.subject": "Your application to {event}",
  "mail.applicationRejected.body":
    "Hello,\n\nThank you for applying to {event} ({dates}). We received many more applications than there are places, and we are unable to offer you a place this time. We hope to see you at a future event.",
  "mail.applicationPromoted.subject": "A place has become free at {event}",
  "mail.applicationPromoted.body":
    "Hello,\n\nA place has become free at {event} ({dates}) and we are pleased to offer it to you. Please confirm or decline it in UNTOC Engage:\n{url}",
  "mail.participationConfirmed.subject": "Your participation is confirmed: {event}",
  "mail.participationConfirmed.body":
    "Hello,\n\nThank you for confirming your participation in {event} ({dates}).\n{linkLine}\n\nThe agenda is attached as a calendar file, in the event's time zone.\n{url}",
  "mail.eventInvitation.subject": "Invitation: {event}",
  "mail.eventInvitation.body":
    "Hello,\n\nThe secretariat invites you to take part in {event} ({dates}). Please confirm or decline your place in UNTOC Engage:\n{url}",
  "mail.eventReminder.subject": "Reminder: {event} begins soon",
  "mail.eventReminder.body": "Hello,\n\n{event} begins on {start}.\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "Your certificate: {event}",
  "mail.certificateIssued.body":
    "Hello,\n\nThank you for taking part in {event} ({dates}). Your certificate of participation is ready:\n{certificate}\n\nAnyone can check it at {verify}",
  "mail.contactRequest.subject": "{person} would like to get in touch",
  "mail.contactRequest.body":
    "Hello,\n\n{person}, a fellow participant in {event}, would like to exchange contact details with you. Your e-mail address is shared only if you accept, in UNTOC Engage:\n{url}",
  "error.session_outside_event": "The session must take place within the dates of the event.",
  "error.session_has_attendance": "This session has recorded attendance and cannot be deleted.",
  "error.applications_closed": "The call for applications is not open.",
  "error.already_applied": "You have already applied to this event.",
  "error.no_organization": "Join or register an organisation before applying.",
  "error.no_eligible_organization": "None of your organisations meets the conditions of this event.",
  "error.country_not_targeted": "This event is not open to organisations from this country or region.",
  "error.type_not_targeted": "This event is not open to this type of organisation.",
  "error.not_a_member": "You can apply only on behalf of an organisation you belong to.",
  "error.capacity_reached": "All places are taken.",
  "error.attendance_not_a_report": "This file is not an attendance report.",
  "error.attendance_unreadable": "The attendance file could not be read.",
  "error.attendance_mapping_invalid": "The column mapping does not match the file.",
  "error.attendance_unresolved":
    "Some rows are not matched to a participant; decide on each before confirming.",
  "error.certificate_not_found": "No certificate has this code.",
  "error.feedback_closed": "The feedback form is not open.",
  "error.feedback_already_sent": "You have already answered the feedback form.",
  "error.not_a_participant": "Only participants of this event can do this.",
  "error.contact_exists": "You have already sent a contact request to this person.",
  "error.directory_opt_in_required": "Join the participants' directory first.",
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
  "mail.event.linkLine": "Participer en ligne : {link}",
  "mail.applicationReceived.subject": "Candidature reçue : {event}",
  "mail.applicationReceived.body":
    "Bonjour,\n\nNous avons bien reçu votre candidature pour {event} ({dates}). Le secrétariat vous informera dès que la sélection aura été effectuée.\n\n{url}",
  "mail.endorsementRequest.subject": "Demande d'approbation : {event}",
  "mail.endorsementRequest.body":
    "Bonjour,\n\n{person} a présenté une candidature pour {event} ({dates}) au nom de {org}. En votre qualité de point focal de l'organisation, veuillez, dans UNTOC Engage, approuver cette candidature ou refuser de l'approuver.\n\n{url}",
  "mail.applicationAccepted.subject": "Une place vous est réservée pour {event}",
  "mail.applicationAccepted.body":
    "Bonjour,\n\nNous avons le plaisir de vous proposer une place pour {event} ({dates}). Veuillez confirmer ou décliner cette place dans UNTOC Engage :\n{url}",
  "mail.applicationWaitlisted.subject": "Liste d'attente : {event}",
  "mail.applicationWaitlisted.body":
    "Bonjour,\n\nNous vous remercions de votre candidature pour {event} ({dates}). Toutes les places sont actuellement attribuées ; votre candidature a été inscrite sur la liste d'attente et nous vous informerons immédiatement si une place se libère.\n\n{url}",
  "mail.applicationRejected.subject": "Votre candidature pour {event}",
  "mail.applicationRejected.body":
    "Bonjour,\n\nNous vous remercions de votre candidature pour {event} ({dates}). Le nombre de candidatures reçues ayant largement dépassé le nombre de places disponibles, nous ne sommes pas en mesure de vous proposer une place cette fois-ci. Nous espérons vous accueillir lors d'une prochaine manifestation.",
  "mail.applicationPromoted.subject": "Une place s'est libérée pour {event}",
  "mail.applicationPromoted.body":
    "Bonjour,\n\nUne place s'est libérée pour {event} ({dates}) et nous avons le plaisir de vous la proposer. Veuillez l'accepter ou la décliner dans UNTOC Engage :\n{url}",
  "mail.participationConfirmed.subject": "Votre participation est confirmée : {event}",
  "mail.participationConfirmed.body":
    "Bonjour,\n\nNous vous remercions d'avoir confirmé votre participation à {event} ({dates}).\n{linkLine}\n\nLe programme est joint sous forme de fichier de calendrier, dans le fuseau horaire de la manifestation.\n{url}",
  "mail.eventInvitation.subject": "Invitation : {event}",
  "mail.eventInvitation.body":
    "Bonjour,\n\nLe secrétariat vous invite à participer à {event} ({dates}). Veuillez confirmer ou décliner votre place dans UNTOC Engage :\n{url}",
  "mail.eventReminder.subject": "Rappel : {event} commence bientôt",
  "mail.eventReminder.body": "Bonjour,\n\n{event} commence le {start}.\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "Votre certificat : {event}",
  "mail.certificateIssued.body":
    "Bonjour,\n\nNous vous remercions d'avoir participé à {event} ({dates}). Votre certificat de participation est disponible :\n{certificate}\n\nToute personne peut en vérifier l'authenticité à l'adresse suivante : {verify}",
  "mail.contactRequest.subject": "{person} souhaite entrer en contact avec vous",
  "mail.contactRequest.body":
    "Bonjour,\n\n{person}, qui participe également à {event}, souhaite échanger ses coordonnées avec vous. Votre adresse électronique ne sera communiquée que si vous acceptez, dans UNTOC Engage :\n{url}",
  "error.session_outside_event": "La séance doit se tenir pendant la période de la manifestation.",
  "error.session_has_attendance":
    "Des présences ont été enregistrées pour cette séance ; elle ne peut pas être supprimée.",
  "error.applications_closed": "L'appel à candidatures n'est pas ouvert.",
  "error.already_applied": "Vous avez déjà présenté une candidature pour cette manifestation.",
  "error.no_organization": "Rejoignez ou enregistrez une organisation avant de présenter une candidature.",
  "error.no_eligible_organization":
    "Aucune de vos organisations ne remplit les conditions requises pour cette manifestation.",
  "error.country_not_targeted":
    "Cette manifestation n'est pas ouverte aux organisations de ce pays ou de cette région.",
  "error.type_not_targeted": "Cette manifestation n'est pas ouverte à ce type d'organisation.",
  "error.not_a_member":
    "Vous ne pouvez présenter une candidature qu'au nom d'une organisation dont vous êtes membre.",
  "error.capacity_reached": "Toutes les places ont été attribuées.",
  "error.attendance_not_a_report": "Ce fichier n'est pas un rapport de présence.",
  "error.attendance_unreadable": "Le fichier de présence n'a pas pu être lu.",
  "error.attendance_mapping_invalid": "L'affectation des colonnes ne correspond pas au fichier.",
  "error.attendance_unresolved":
    "Certaines lignes ne sont associées à aucun participant ; statuez sur chacune d'elles avant de confirmer.",
  "error.certificate_not_found": "Aucun certificat ne correspond à ce code.",
  "error.feedback_closed": "Le formulaire d'évaluation n'est pas ouvert.",
  "error.feedback_already_sent": "Vous avez déjà répondu au formulaire d'évaluation.",
  "error.not_a_participant": "Seuls les participants à cette manifestation peuvent effectuer cette action.",
  "error.contact_exists": "Vous avez déjà envoyé une demande de contact à cette personne.",
  "error.directory_opt_in_required": "Inscrivez-vous d'abord dans l'annuaire des participants.",
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
  "mail.event.linkLine": "Participación en línea: {link}",
  "mail.applicationReceived.subject": "Solicitud recibida: {event}",
  "mail.applicationReceived.body":
    "Hola:\n\nHemos recibido su solicitud de participación en {event} ({dates}). La secretaría se pondrá en contacto con usted una vez realizada la selección.\n\n{url}",
  "mail.endorsementRequest.subject": "Solicitud de aval: {event}",
  "mail.endorsementRequest.body":
    "Hola:\n\n{person} ha solicitado participar en {event} ({dates}) en nombre de {org}. En su calidad de coordinador de la organización, le rogamos que, en UNTOC Engage, avale la solicitud o indique que no la avala.\n\n{url}",
  "mail.applicationAccepted.subject": "Tiene una plaza en {event}",
  "mail.applicationAccepted.body":
    "Hola:\n\nNos complace ofrecerle una plaza en {event} ({dates}). Confirme o rechace su plaza en UNTOC Engage:\n{url}",
  "mail.applicationWaitlisted.subject": "Lista de espera: {event}",
  "mail.applicationWaitlisted.body":
    "Hola:\n\nLe agradecemos su solicitud de participación en {event} ({dates}). En este momento todas las plazas están ocupadas; su solicitud figura en la lista de espera y se le informará de inmediato si queda libre alguna plaza.\n\n{url}",
  "mail.applicationRejected.subject": "Su solicitud de participación en {event}",
  "mail.applicationRejected.body":
    "Hola:\n\nLe agradecemos su solicitud de participación en {event} ({dates}). Hemos recibido muchas más solicitudes que plazas disponibles y, en esta ocasión, no podemos ofrecerle una plaza. Esperamos contar con su participación en un próximo evento.",
  "mail.applicationPromoted.subject": "Ha quedado libre una plaza en {event}",
  "mail.applicationPromoted.body":
    "Hola:\n\nHa quedado libre una plaza en {event} ({dates}) y nos complace ofrecérsela. Confírmela o recházela en UNTOC Engage:\n{url}",
  "mail.participationConfirmed.subject": "Su participación está confirmada: {event}",
  "mail.participationConfirmed.body":
    "Hola:\n\nLe agradecemos que haya confirmado su participación en {event} ({dates}).\n{linkLine}\n\nSe adjunta el programa en un archivo de calendario, en la zona horaria del evento.\n{url}",
  "mail.eventInvitation.subject": "Invitación: {event}",
  "mail.eventInvitation.body":
    "Hola:\n\nLa secretaría le invita a participar en {event} ({dates}). Confirme o rechace su plaza en UNTOC Engage:\n{url}",
  "mail.eventReminder.subject": "Recordatorio: {event} comenzará en breve",
  "mail.eventReminder.body": "Hola:\n\n{event} comienza el {start}.\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "Su certificado: {event}",
  "mail.certificateIssued.body":
    "Hola:\n\nLe agradecemos su participación en {event} ({dates}). Su certificado de participación ya está disponible:\n{certificate}\n\nCualquier persona puede verificarlo en {verify}",
  "mail.contactRequest.subject": "{person} desea ponerse en contacto con usted",
  "mail.contactRequest.body":
    "Hola:\n\n{person}, que también participa en {event}, desea intercambiar datos de contacto con usted. Su dirección de correo electrónico solo se compartirá si usted lo acepta en UNTOC Engage:\n{url}",
  "error.session_outside_event": "La sesión debe celebrarse dentro de las fechas del evento.",
  "error.session_has_attendance": "Esta sesión tiene asistencia registrada y no se puede eliminar.",
  "error.applications_closed": "La convocatoria de solicitudes no está abierta.",
  "error.already_applied": "Ya ha presentado una solicitud para este evento.",
  "error.no_organization": "Únase a una organización o registre una antes de presentar su solicitud.",
  "error.no_eligible_organization": "Ninguna de sus organizaciones cumple las condiciones de este evento.",
  "error.country_not_targeted": "Este evento no está abierto a organizaciones de este país o región.",
  "error.type_not_targeted": "Este evento no está abierto a este tipo de organización.",
  "error.not_a_member":
    "Solo puede presentar una solicitud en nombre de una organización a la que pertenezca.",
  "error.capacity_reached": "Todas las plazas están ocupadas.",
  "error.attendance_not_a_report": "Este archivo no es un informe de asistencia.",
  "error.attendance_unreadable": "No se pudo leer el archivo de asistencia.",
  "error.attendance_mapping_invalid": "La asignación de columnas no coincide con el archivo.",
  "error.attendance_unresolved":
    "Algunas filas no están asociadas a ningún participante; decida sobre cada una de ellas antes de confirmar.",
  "error.certificate_not_found": "No existe ningún certificado con este código.",
  "error.feedback_closed": "El formulario de evaluación no está abierto.",
  "error.feedback_already_sent": "Ya ha respondido al formulario de evaluación.",
  "error.not_a_participant": "Solo los participantes en este evento pueden hacer esto.",
  "error.contact_exists": "Ya ha enviado una solicitud de contacto a esta persona.",
  "error.directory_opt_in_required": "Inscríbase primero en el directorio de participantes.",
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
  "mail.event.linkLine": "Ссылка для участия онлайн: {link}",
  "mail.applicationReceived.subject": "Заявка получена: {event}",
  "mail.applicationReceived.body":
    "Здравствуйте!\n\nМы получили вашу заявку на участие в мероприятии «{event}» ({dates}). Секретариат сообщит вам о результатах после завершения отбора.\n\n{url}",
  "mail.endorsementRequest.subject": "Запрос на одобрение заявки: {event}",
  "mail.endorsementRequest.body":
    "Здравствуйте!\n\nОт имени {org} поступила заявка {person} на участие в мероприятии «{event}» ({dates}). Просим вас как координатора организации одобрить эту заявку или отказать в ее одобрении в UNTOC Engage.\n\n{url}",
  "mail.applicationAccepted.subject": "Вам предоставлено место: {event}",
  "mail.applicationAccepted.body":
    "Здравствуйте!\n\nРады предложить вам место на мероприятии «{event}» ({dates}). Подтвердите участие или откажитесь от места в UNTOC Engage:\n{url}",
  "mail.applicationWaitlisted.subject": "Лист ожидания: {event}",
  "mail.applicationWaitlisted.body":
    "Здравствуйте!\n\nБлагодарим вас за заявку на участие в мероприятии «{event}» ({dates}). В настоящее время все места заняты; ваша заявка внесена в лист ожидания, и мы сразу сообщим вам, если место освободится.\n\n{url}",
  "mail.applicationRejected.subject": "Ваша заявка на участие в мероприятии «{event}»",
  "mail.applicationRejected.body":
    "Здравствуйте!\n\nБлагодарим вас за заявку на участие в мероприятии «{event}» ({dates}). Число заявок значительно превысило число мест, и на этот раз мы, к сожалению, не можем предложить вам место. Надеемся увидеть вас на одном из следующих мероприятий.",
  "mail.applicationPromoted.subject": "Освободилось место на мероприятии «{event}»",
  "mail.applicationPromoted.body":
    "Здравствуйте!\n\nНа мероприятии «{event}» ({dates}) освободилось место, и мы рады предложить его вам. Подтвердите участие или откажитесь от места в UNTOC Engage:\n{url}",
  "mail.participationConfirmed.subject": "Ваше участие подтверждено: {event}",
  "mail.participationConfirmed.body":
    "Здравствуйте!\n\nБлагодарим вас за подтверждение участия в мероприятии «{event}» ({dates}).\n{linkLine}\n\nПрограмма прилагается в виде файла календаря; время указано по часовому поясу мероприятия.\n{url}",
  "mail.eventInvitation.subject": "Приглашение: {event}",
  "mail.eventInvitation.body":
    "Здравствуйте!\n\nСекретариат приглашает вас принять участие в мероприятии «{event}» ({dates}). Подтвердите участие или откажитесь от места в UNTOC Engage:\n{url}",
  "mail.eventReminder.subject": "Напоминание: мероприятие «{event}» скоро начнется",
  "mail.eventReminder.body": "Здравствуйте!\n\nМероприятие «{event}» начнется {start}.\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "Ваш сертификат: {event}",
  "mail.certificateIssued.body":
    "Здравствуйте!\n\nБлагодарим вас за участие в мероприятии «{event}» ({dates}). Ваш сертификат участника готов:\n{certificate}\n\nПроверить его подлинность может любой желающий по адресу {verify}",
  "mail.contactRequest.subject": "{person} предлагает обменяться контактными данными",
  "mail.contactRequest.body":
    "Здравствуйте!\n\n{person}, участник мероприятия «{event}», предлагает обменяться с вами контактными данными. Ваш адрес электронной почты будет передан только с вашего согласия, которое можно дать в UNTOC Engage:\n{url}",
  "error.session_outside_event": "Заседание должно проходить в сроки проведения мероприятия.",
  "error.session_has_attendance":
    "Для этого заседания зарегистрировано присутствие, поэтому его нельзя удалить.",
  "error.applications_closed": "Прием заявок не открыт.",
  "error.already_applied": "Вы уже подали заявку на участие в этом мероприятии.",
  "error.no_organization": "Прежде чем подавать заявку, вступите в организацию или зарегистрируйте ее.",
  "error.no_eligible_organization":
    "Ни одна из ваших организаций не соответствует условиям этого мероприятия.",
  "error.country_not_targeted":
    "Это мероприятие не открыто для организаций из этой страны или этого региона.",
  "error.type_not_targeted": "Это мероприятие не открыто для организаций данного типа.",
  "error.not_a_member": "Подать заявку можно только от имени организации, членом которой вы являетесь.",
  "error.capacity_reached": "Все места заняты.",
  "error.attendance_not_a_report": "Этот файл не является отчетом о присутствии.",
  "error.attendance_unreadable": "Не удалось прочитать файл с данными о присутствии.",
  "error.attendance_mapping_invalid": "Сопоставление столбцов не соответствует файлу.",
  "error.attendance_unresolved":
    "Некоторые строки не сопоставлены с участниками; примите решение по каждой из них перед подтверждением.",
  "error.certificate_not_found": "Сертификат с таким кодом не найден.",
  "error.feedback_closed": "Форма обратной связи не открыта.",
  "error.feedback_already_sent": "Вы уже заполнили форму обратной связи.",
  "error.not_a_participant": "Это действие доступно только участникам данного мероприятия.",
  "error.contact_exists": "Вы уже отправили этому человеку запрос на обмен контактными данными.",
  "error.directory_opt_in_required": "Сначала внесите свои данные в каталог участников.",
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
  "mail.event.linkLine": "رابط المشاركة عبر الإنترنت: {link}",
  "mail.applicationReceived.subject": "تم استلام الطلب: {event}",
  "mail.applicationReceived.body":
    "مرحبًا،\n\nتلقّينا طلبك للمشاركة في {event} ({dates}). وستُبلغك الأمانة بالنتيجة بعد إتمام عملية الاختيار.\n\n{url}",
  "mail.endorsementRequest.subject": "طلب تأييد: {event}",
  "mail.endorsementRequest.body":
    "مرحبًا،\n\nقدّم {person} طلبًا للمشاركة في {event} ({dates}) باسم {org}. وبصفتك جهة الاتصال في المنظمة، يرجى تأييد الطلب أو رفض تأييده في UNTOC Engage.\n\n{url}",
  "mail.applicationAccepted.subject": "خُصِّص لك مكان في {event}",
  "mail.applicationAccepted.body":
    "مرحبًا،\n\nيسرّنا أن نعرض عليك مكانًا في {event} ({dates}). يرجى تأكيد مكانك أو الاعتذار عنه في UNTOC Engage:\n{url}",
  "mail.applicationWaitlisted.subject": "قائمة الانتظار: {event}",
  "mail.applicationWaitlisted.body":
    "مرحبًا،\n\nنشكرك على تقديم طلب للمشاركة في {event} ({dates}). جميع الأماكن مشغولة حاليًا؛ وقد أُدرج طلبك في قائمة الانتظار، وسنبلغك فورًا إذا شغر أي مكان.\n\n{url}",
  "mail.applicationRejected.subject": "طلبك للمشاركة في {event}",
  "mail.applicationRejected.body":
    "مرحبًا،\n\nنشكرك على تقديم طلب للمشاركة في {event} ({dates}). وقد تلقّينا عددًا من الطلبات يفوق بكثير عدد الأماكن المتاحة، ويؤسفنا أننا لا نستطيع أن نعرض عليك مكانًا هذه المرة. ونأمل أن نراك في فعالية قادمة.",
  "mail.applicationPromoted.subject": "شغر مكان في {event}",
  "mail.applicationPromoted.body":
    "مرحبًا،\n\nشغر مكان في {event} ({dates}) ويسرّنا أن نعرضه عليك. يرجى قبوله أو الاعتذار عنه في UNTOC Engage:\n{url}",
  "mail.participationConfirmed.subject": "تم تأكيد مشاركتك: {event}",
  "mail.participationConfirmed.body":
    "مرحبًا،\n\nنشكرك على تأكيد مشاركتك في {event} ({dates}).\n{linkLine}\n\nجدول الأعمال مرفق في شكل ملف تقويم، بحسب المنطقة الزمنية للفعالية.\n{url}",
  "mail.eventInvitation.subject": "دعوة: {event}",
  "mail.eventInvitation.body":
    "مرحبًا،\n\nتدعوك الأمانة إلى المشاركة في {event} ({dates}). يرجى تأكيد مكانك أو الاعتذار عنه في UNTOC Engage:\n{url}",
  "mail.eventReminder.subject": "تذكير: اقترب موعد بدء {event}",
  "mail.eventReminder.body": "مرحبًا،\n\nموعد بدء {event}: {start}.\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "شهادتك: {event}",
  "mail.certificateIssued.body":
    "مرحبًا،\n\nنشكرك على مشاركتك في {event} ({dates}). شهادة المشاركة الخاصة بك جاهزة:\n{certificate}\n\nويمكن لأي شخص التحقق منها على الرابط {verify}",
  "mail.contactRequest.subject": "يرغب {person} في التواصل معك",
  "mail.contactRequest.body":
    "مرحبًا،\n\nيرغب {person}، أحد المشاركين في {event}، في تبادل بيانات الاتصال معك. ولن يُكشف عن عنوان بريدك الإلكتروني إلا إذا وافقت على ذلك في UNTOC Engage:\n{url}",
  "error.session_outside_event": "يجب أن تُعقد الجلسة خلال فترة انعقاد الفعالية.",
  "error.session_has_attendance": "سُجِّل حضور لهذه الجلسة، ولذا لا يمكن حذفها.",
  "error.applications_closed": "باب تقديم الطلبات غير مفتوح.",
  "error.already_applied": "لقد قدّمت بالفعل طلبًا للمشاركة في هذه الفعالية.",
  "error.no_organization": "انضم إلى منظمة أو سجِّل منظمة قبل تقديم الطلب.",
  "error.no_eligible_organization": "لا تستوفي أيٌّ من منظماتك شروط هذه الفعالية.",
  "error.country_not_targeted": "هذه الفعالية غير مفتوحة للمنظمات من هذا البلد أو هذه المنطقة.",
  "error.type_not_targeted": "هذه الفعالية غير مفتوحة لهذا النوع من المنظمات.",
  "error.not_a_member": "لا يمكنك تقديم طلب إلا باسم منظمة أنت عضو فيها.",
  "error.capacity_reached": "جميع الأماكن مشغولة.",
  "error.attendance_not_a_report": "هذا الملف ليس تقرير حضور.",
  "error.attendance_unreadable": "تعذّرت قراءة ملف الحضور.",
  "error.attendance_mapping_invalid": "تعيين الأعمدة لا يتوافق مع الملف.",
  "error.attendance_unresolved": "بعض الصفوف غير مطابقة لأي مشارك؛ حدِّد الإجراء المناسب لكل منها قبل التأكيد.",
  "error.certificate_not_found": "لا توجد شهادة تحمل هذا الرمز.",
  "error.feedback_closed": "استمارة التقييم غير مفتوحة.",
  "error.feedback_already_sent": "لقد أجبت بالفعل على استمارة التقييم.",
  "error.not_a_participant": "لا يمكن القيام بذلك إلا للمشاركين في هذه الفعالية.",
  "error.contact_exists": "لقد أرسلت بالفعل طلب تواصل إلى هذا الشخص.",
  "error.directory_opt_in_required": "انضم أولًا إلى دليل المشاركين.",
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
  "mail.event.linkLine": "在线参加：{link}",
  "mail.applicationReceived.subject": "已收到申请：{event}",
  "mail.applicationReceived.body":
    "您好：\n\n我们已收到您参加 {event}（{dates}）的申请。遴选完成后，秘书处将通知您结果。\n\n{url}",
  "mail.endorsementRequest.subject": "申请待认可：{event}",
  "mail.endorsementRequest.body":
    "您好：\n\n{person} 已代表 {org} 申请参加 {event}（{dates}）。作为该组织的联络人，请在 UNTOC Engage 中认可该申请或拒绝认可。\n\n{url}",
  "mail.applicationAccepted.subject": "您已获得 {event} 的参加名额",
  "mail.applicationAccepted.body":
    "您好：\n\n我们很高兴为您提供 {event}（{dates}）的参加名额。请在 UNTOC Engage 中确认或谢绝该名额：\n{url}",
  "mail.applicationWaitlisted.subject": "候补名单：{event}",
  "mail.applicationWaitlisted.body":
    "您好：\n\n感谢您申请参加 {event}（{dates}）。目前名额已满；您的申请已列入候补名单，一旦有名额空出，我们将立即通知您。\n\n{url}",
  "mail.applicationRejected.subject": "关于您参加 {event} 的申请",
  "mail.applicationRejected.body":
    "您好：\n\n感谢您申请参加 {event}（{dates}）。我们收到的申请数量远超名额，很遗憾此次无法为您提供名额。希望在今后的活动中与您相见。",
  "mail.applicationPromoted.subject": "{event} 有名额空出",
  "mail.applicationPromoted.body":
    "您好：\n\n{event}（{dates}）有名额空出，我们很高兴将其提供给您。请在 UNTOC Engage 中确认或谢绝：\n{url}",
  "mail.participationConfirmed.subject": "您的参加已确认：{event}",
  "mail.participationConfirmed.body":
    "您好：\n\n感谢您确认参加 {event}（{dates}）。\n{linkLine}\n\n议程以日历文件形式附上，时间按活动所在时区显示。\n{url}",
  "mail.eventInvitation.subject": "邀请：{event}",
  "mail.eventInvitation.body":
    "您好：\n\n秘书处诚邀您参加 {event}（{dates}）。请在 UNTOC Engage 中确认或谢绝您的名额：\n{url}",
  "mail.eventReminder.subject": "提醒：{event} 即将开始",
  "mail.eventReminder.body": "您好：\n\n{event} 将于 {start} 开始。\n{linkLine}\n\n{url}",
  "mail.certificateIssued.subject": "您的证书：{event}",
  "mail.certificateIssued.body":
    "您好：\n\n感谢您参加 {event}（{dates}）。您的参会证书现已可供获取：\n{certificate}\n\n任何人均可通过以下网址核验该证书：{verify}",
  "mail.contactRequest.subject": "{person} 希望与您联系",
  "mail.contactRequest.body":
    "您好：\n\n{event} 的另一位与会者 {person} 希望与您交换联系方式。只有在您同意后，您的电子邮件地址才会提供给对方。请在 UNTOC Engage 中作出回复：\n{url}",
  "error.session_outside_event": "会议必须在活动日期范围内举行。",
  "error.session_has_attendance": "该会议已有出席记录，无法删除。",
  "error.applications_closed": "目前未开放申请。",
  "error.already_applied": "您已申请参加此活动。",
  "error.no_organization": "请先加入或注册一个组织，然后再提交申请。",
  "error.no_eligible_organization": "您所属的组织均不符合此活动的条件。",
  "error.country_not_targeted": "此活动不向来自该国家或区域的组织开放。",
  "error.type_not_targeted": "此活动不向此类组织开放。",
  "error.not_a_member": "您只能代表您所属的组织提交申请。",
  "error.capacity_reached": "名额已满。",
  "error.attendance_not_a_report": "此文件不是出席报告。",
  "error.attendance_unreadable": "无法读取出席文件。",
  "error.attendance_mapping_invalid": "列对应关系与文件不符。",
  "error.attendance_unresolved": "部分行未匹配到与会者；请在确认前逐一作出处理。",
  "error.certificate_not_found": "没有与此代码对应的证书。",
  "error.feedback_closed": "反馈表未开放。",
  "error.feedback_already_sent": "您已填写过反馈表。",
  "error.not_a_participant": "只有此活动的与会者才能执行此操作。",
  "error.contact_exists": "您已向此人发送过联系请求。",
  "error.directory_opt_in_required": "请先加入与会者名录。",
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
