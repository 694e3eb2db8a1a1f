import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LOCALES, RTL_LOCALES } from "../../../shared/schemas/common.ts";
import {
  CONSENT_VERSION,
  DEFAULT_VISIBILITY,
  type PERSON_FIELDS,
  ProfileInput,
} from "../../../shared/schemas/people.ts";
import { ApiError, api, download } from "../../api.ts";
import { type Me, useRefLookup } from "../../data.ts";
import { currentLocale, LANGUAGE_NAMES } from "../../i18n/index.ts";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  errorText,
  fieldErrors,
  fieldId,
  SelectField,
  TextArea,
  TextField,
} from "../../ui/forms.tsx";
import { RequireUser } from "../../ui/guards.tsx";
import { LiveStatus, ModalDialog, PageTitle } from "../../ui/widgets.tsx";

const FORM = "profile";

export default function ProfilePage() {
  const { t } = useTranslation();
  return (
    <RequireUser>
      {(me) => (
        <>
          <PageTitle>{t("profile.title")}</PageTitle>
          <nav aria-label={t("profile.sections")} className="subnav">
            <ul>
              <li>
                <Link to="/me" aria-current="page">
                  {t("profile.title")}
                </Link>
              </li>
              <li>
                <Link to="/me/security">{t("security.title")}</Link>
              </li>
              <li>
                <Link to="/me/organizations">{t("nav.myOrganization")}</Link>
              </li>
            </ul>
          </nav>
          <Account me={me} />
          <ProfileForm me={me} />
          <MyData me={me} />
        </>
      )}
    </RequireUser>
  );
}

function Account({ me }: { me: Me }) {
  const { t } = useTranslation();
  const u = me.user!;
  return (
    <section className="card" aria-labelledby="account-title">
      <h2 id="account-title">{t("profile.account")}</h2>
      <dl className="details">
        <dt>{t("fields.name")}</dt>
        <dd>{u.name}</dd>
        <dt>{t("fields.email")}</dt>
        <dd>
          {u.email}{" "}
          {u.emailVerified ? (
            <span className="tag">{t("profile.verified")}</span>
          ) : (
            <span className="tag tag-warn">{t("profile.unverified")}</span>
          )}
        </dd>
        <dt>{t("security.twoFactor")}</dt>
        <dd>{u.twoFactorEnabled ? t("security.on") : t("security.off")}</dd>
        {u.roles.length ? (
          <>
            <dt>{t("profile.roles")}</dt>
            <dd>{u.roles.map((r) => t(`role.${r}`, { defaultValue: r })).join(", ")}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const lookup = useRefLookup();
  const locale = currentLocale();
  const p = me.person ?? ({} as NonNullable<Me["person"]>);
  const [givenName, setGivenName] = useState(p.givenName ?? me.user!.name.split(" ")[0] ?? "");
  const [familyName, setFamilyName] = useState(p.familyName ?? "");
  const [title, setTitle] = useState(p.title ?? "");
  const [country, setCountry] = useState(p.country ?? "");
  const [languages, setLanguages] = useState<string[]>(p.languages ?? []);
  const [expertise, setExpertise] = useState((p.expertise ?? []).join(", "));
  const [gender, setGender] = useState(p.gender ?? "");
  const [birthYear, setBirthYear] = useState(p.birthYear ? String(p.birthYear) : "");
  const [youth, setYouth] = useState(p.youthDeclared == null ? "" : p.youthDeclared ? "yes" : "no");
  const [bio, setBio] = useState<Record<string, string>>(p.bio ?? {});
  const [visibility, setVisibility] = useState<Record<string, "public" | "private">>({
    ...DEFAULT_VISIBILITY,
    ...(p.visibility ?? {}),
  });
  const [consent, setConsent] = useState(!!p.consentVersion || !!p.consent);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved("");
    const body = {
      givenName: givenName.trim(),
      familyName: familyName.trim(),
      title: title.trim() || null,
      country: country || null,
      languages,
      expertise: expertise
        .split(/[,،、，;]/)
        .map((s) => s.trim())
        .filter(Boolean),
      gender: gender.trim() || null,
      birthYear: birthYear ? Number(birthYear) : null,
      youthDeclared: youth === "" ? null : youth === "yes",
      bio: Object.fromEntries(Object.entries(bio).filter(([, v]) => v.trim())),
      visibility,
      consent,
    };
    const parsed = ProfileInput.safeParse(body);
    const errs: Record<string, string> = {};
    if (!parsed.success)
      for (const i of parsed.error.issues) {
        const path = String(i.path[0] ?? "");
        errs[path] ??= t(`form.invalid.${path}`, { defaultValue: t("form.invalidField") });
      }
    if (!consent) errs.consent = t("profile.consentRequired");
    setErrors(errs);
    if (Object.keys(errs).length) {
      setError(
        new ApiError({
          status: 400,
          code: "validation",
          title: t("errors.validation"),
          fields: Object.entries(errs).map(([path, message]) => ({ path, message })),
        }),
      );
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await api.put("/api/me/profile", body);
      setSaved(t("common.saved"));
      await queryClient.invalidateQueries({ queryKey: ["me"] });
    } catch (err) {
      setError(err);
      if (err instanceof ApiError) setErrors(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const vis = (field: (typeof PERSON_FIELDS)[number]) => (
    <Checkbox
      label={t("profile.showPublicly", { field: t(`personField.${field}`) })}
      checked={visibility[field] === "public"}
      onChange={(on) => setVisibility((v) => ({ ...v, [field]: on ? "public" : "private" }))}
    />
  );

  return (
    <section className="card" aria-labelledby="profile-form-title">
      <h2 id="profile-form-title">{t("profile.public")}</h2>
      <p className="hint">{t("profile.visibilityIntro")}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} form={FORM} />
        <div className="grid-2">
          <TextField
            id={fieldId(FORM, "givenName")}
            label={t("fields.givenName")}
            value={givenName}
            onChange={setGivenName}
            autoComplete="given-name"
            required
            error={errors.givenName}
          />
          <TextField
            id={fieldId(FORM, "familyName")}
            label={t("fields.familyName")}
            value={familyName}
            onChange={setFamilyName}
            autoComplete="family-name"
            error={errors.familyName}
          />
        </div>
        <div className="field-with-visibility">
          <TextField
            id={fieldId(FORM, "title")}
            label={t("fields.jobTitle")}
            value={title}
            onChange={setTitle}
            error={errors.title}
          />
          {vis("title")}
        </div>
        <div className="field-with-visibility">
          <SelectField
            id={fieldId(FORM, "country")}
            label={t("fields.country")}
            value={country}
            onChange={setCountry}
            options={lookup.sortedCountries().map((c) => ({ value: c.code, label: c.name }))}
            emptyLabel={t("common.notSpecified")}
            error={errors.country}
          />
          {vis("country")}
        </div>
        <div className="field-with-visibility">
          <CheckboxGroup
            id={fieldId(FORM, "languages")}
            legend={t("fields.languages")}
            options={LOCALES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={languages}
            onChange={setLanguages}
            error={errors.languages}
            columns
          />
          {vis("languages")}
        </div>
        <div className="field-with-visibility">
          <TextField
            id={fieldId(FORM, "expertise")}
            label={t("fields.expertise")}
            hint={t("profile.expertiseHint")}
            value={expertise}
            onChange={setExpertise}
            error={errors.expertise}
          />
          {vis("expertise")}
        </div>
        <div className="grid-2">
          <div className="field-with-visibility">
            <TextField
              id={fieldId(FORM, "gender")}
              label={t("fields.gender")}
              value={gender}
              onChange={setGender}
              error={errors.gender}
            />
            {vis("gender")}
          </div>
          <div className="field-with-visibility">
            <TextField
              id={fieldId(FORM, "birthYear")}
              label={t("fields.birthYear")}
              value={birthYear}
              onChange={(v) => setBirthYear(v.replace(/\D/g, "").slice(0, 4))}
              inputMode="numeric"
              error={errors.birthYear}
            />
            {vis("birthYear")}
          </div>
        </div>
        <SelectField
          id={fieldId(FORM, "youthDeclared")}
          label={t("fields.youthDeclared")}
          hint={t("profile.youthHint")}
          value={youth}
          onChange={setYouth}
          options={[
            { value: "yes", label: t("common.yes") },
            { value: "no", label: t("common.no") },
          ]}
          emptyLabel={t("common.notSpecified")}
        />
        <div className="field-with-visibility">
          <TextArea
            id={fieldId(FORM, "bio")}
            label={t("fields.bio")}
            value={bio[locale] ?? ""}
            onChange={(v) => setBio((b) => ({ ...b, [locale]: v }))}
            rows={5}
            error={errors.bio}
          />
          <details>
            <summary>{t("orgForm.otherLanguages")}</summary>
            {LOCALES.filter((l) => l !== locale).map((l) => (
              <TextArea
                key={l}
                label={`${t("fields.bio")} – ${LANGUAGE_NAMES[l]}`}
                value={bio[l] ?? ""}
                onChange={(v) => setBio((b) => ({ ...b, [l]: v }))}
                lang={l}
                dir={RTL_LOCALES.includes(l) ? "rtl" : "ltr"}
              />
            ))}
          </details>
          {vis("bio")}
        </div>
        <fieldset className="group">
          <legend>{t("profile.otherVisibility")}</legend>
          {vis("email")}
          {vis("organizations")}
        </fieldset>
        <fieldset className="group consent" id={fieldId(FORM, "consent")}>
          <legend>{t("profile.consentTitle")}</legend>
          <p>{t("profile.consentText")}</p>
          <Checkbox
            label={t("profile.consentAgree", { version: CONSENT_VERSION })}
            checked={consent}
            onChange={setConsent}
            error={errors.consent}
          />
        </fieldset>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t("common.save")}
        </button>
        <LiveStatus>{saved}</LiveStatus>
      </form>
    </section>
  );
}

function MyData({ me }: { me: Me }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const email = me.user!.email;

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    if (confirm.trim().toLowerCase() !== email.toLowerCase()) {
      setError(new Error(t("profile.deleteMismatch")));
      return;
    }
    setBusy(true);
    try {
      await api.del("/api/me", { confirm: confirm.trim() });
      queryClient.clear();
      navigate("/", { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="mydata-title">
      <h2 id="mydata-title">{t("profile.myData")}</h2>
      <p>{t("profile.exportIntro")}</p>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          setExportError(null);
          download("/api/me/export", "untoc-engage-my-data.json").catch(setExportError);
        }}
      >
        {t("profile.export")}
      </button>
      {exportError ? (
        <p className="field-error" role="alert">
          {errorText(exportError, t)}
        </p>
      ) : null}
      <h3>{t("profile.deleteTitle")}</h3>
      <p>{t("profile.deleteIntro")}</p>
      <button type="button" className="btn btn-danger" onClick={() => setOpen(true)}>
        {t("profile.delete")}
      </button>
      <ModalDialog
        isOpen={open}
        onClose={() => setOpen(false)}
        title={t("profile.deleteTitle")}
        role="alertdialog"
      >
        <form onSubmit={remove} noValidate>
          <p>{t("profile.deleteConfirmText", { email })}</p>
          <ErrorSummary error={error} />
          <TextField
            label={t("profile.deleteConfirmLabel")}
            type="email"
            value={confirm}
            onChange={setConfirm}
            autoComplete="off"
            required
          />
          <div className="actions">
            <button type="submit" className="btn btn-danger" disabled={busy}>
              {t("profile.deleteFinal")}
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      </ModalDialog>
    </section>
  );
}
