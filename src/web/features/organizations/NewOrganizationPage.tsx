import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api.ts";
import { RequireUser } from "../../ui/guards.tsx";
import { PageTitle } from "../../ui/widgets.tsx";
import { OrganizationForm } from "./OrganizationForm.tsx";

export default function NewOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <RequireUser>
      {() => (
        <>
          <PageTitle>{t("orgForm.newTitle")}</PageTitle>
          <p className="lead">{t("orgForm.newIntro")}</p>
          <OrganizationForm
            submitLabel={t("orgForm.submitNew")}
            onSubmit={async (input) => {
              const org = await api.post<{ id: string }>("/api/organizations", input);
              await queryClient.invalidateQueries({ queryKey: ["me"] });
              navigate(`/organizations/${org.id}`, { state: { created: true } });
            }}
          />
        </>
      )}
    </RequireUser>
  );
}
