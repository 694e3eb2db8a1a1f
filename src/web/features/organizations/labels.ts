import type { TFunction } from "i18next";
import { ECOSOC_STATUSES, ORG_STATUSES, ORG_TYPES } from "../../../shared/schemas/organizations.ts";
import type { Option } from "../../ui/forms.tsx";

export const typeOptions = (t: TFunction): Option[] =>
  ORG_TYPES.map((v) => ({ value: v, label: t(`orgType.${v}`) }));
export const ecosocOptions = (t: TFunction): Option[] =>
  ECOSOC_STATUSES.map((v) => ({ value: v, label: t(`ecosoc.${v}`) }));
export const statusOptions = (t: TFunction): Option[] =>
  ORG_STATUSES.map((v) => ({ value: v, label: t(`orgStatus.${v}`) }));
