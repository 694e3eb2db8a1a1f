import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import type { EventView } from "../../../../shared/schemas/events.ts";
import { ApiError, api } from "../../../api.ts";
import { Loading, QueryError } from "../../../ui/forms.tsx";
import { LiveStatus, Notice, PageTitle } from "../../../ui/widgets.tsx";
import NotFoundPage from "../../home/NotFoundPage.tsx";
import { useEvent } from "../EventPage.tsx";
import { eventApi, eventKeys } from "../endpoints.ts";
import { pickLocalized } from "../format.ts";
import { EventAdminNav } from "./EventAdminNav.tsx";
import { EventForm } from "./EventForm.tsx";
import { EventStatusActions } from "./EventStatusActions.tsx";
import { SessionsEditor } from "./SessionsEditor.tsx";

export function EventNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <>
      <PageTitle>{t("eventAdmin.newTitle")}</PageTitle>
      <p>{t("eventAdmin.newIntro")}</p>
      <EventForm
        submitLabel={t("eventAdmin.create")}
        onSubmit={async (input) => {
          const e = await api.post<EventView>(eventApi.list, input);
          queryClient.setQueryData(eventKeys.one(e.id), e);
          await queryClient.invalidateQueries({ queryKey: ["events"] });
          navigate(`/admin/events/${e.id}/edit`, { state: { created: true } });
        }}
      />
    </>
  );
}

export default function EventEditPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const location = useLocation();
  const queryClient = useQueryClient();
  const event = useEvent(id);
  const [saved, setSaved] = useState("");
  const created = (location.state as { created?: boolean } | null)?.created;

  if (event.isPending) return <Loading />;
  if (event.isError) {
    if (event.error instanceof ApiError && event.error.status === 404) return <NotFoundPage />;
    return <QueryError error={event.error} />;
  }
  const e = event.data;
  const title = pickLocalized(e.title).value;
  const mainLang =
    Object.keys(e.title).find((k) => e.title[k]?.origin === "original") ?? Object.keys(e.title)[0] ?? "en";

  return (
    <>
      <PageTitle title={t("eventAdmin.editTitle", { title })}>
        {t("eventAdmin.editPrefix")} <bdi>{title}</bdi>
      </PageTitle>
      {created && e.status === "draft" ? (
        <Notice kind="success">
          <p>{t("eventAdmin.created")}</p>
        </Notice>
      ) : null}
      <EventAdminNav eventId={e.id} title={title} />
      <EventStatusActions event={e} />
      <SessionsEditor event={e} mainLang={mainLang} />
      <section aria-labelledby="event-details-title" className="card">
        <h2 id="event-details-title">{t("eventAdmin.details")}</h2>
        <LiveStatus>{saved}</LiveStatus>
        <EventForm
          key={e.id}
          initial={e}
          submitLabel={t("common.save")}
          onSubmit={async (input) => {
            const updated = await api.patch<EventView>(eventApi.one(id), input);
            queryClient.setQueryData(eventKeys.one(id), updated);
            queryClient.invalidateQueries({ queryKey: ["events"] });
            setSaved(t("eventAdmin.saved"));
          }}
        />
      </section>
    </>
  );
}
