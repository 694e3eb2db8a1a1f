/** Organisation API paths in one place (the server owns the contract; adjust here if it changes). */
export const orgApi = {
  one: (id: string) => `/api/organizations/${id}`,
  members: (id: string) => `/api/organizations/${id}/members`,
  join: (id: string) => `/api/organizations/${id}/memberships`,
  decide: (membershipId: string) => `/api/memberships/${membershipId}/decision`,
  documents: (id: string) => `/api/organizations/${id}/documents`,
  document: (id: string, docId: string) => `/api/organizations/${id}/documents/${docId}`,
  logo: (id: string) => `/api/organizations/${id}/logo`,
  action: (id: string, action: "verify" | "reject" | "suspend") => `/api/organizations/${id}/${action}`,
  merge: (id: string) => `/api/organizations/${id}/merge`,
};

export interface Member {
  membershipId: string;
  role: string;
  status: string;
  message: string | null;
  requestedAt: string;
  person: { id: string; name: string; title?: string | null; country?: string | null; email?: string | null };
}

export interface OrgDocument {
  id: string;
  kind: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
}
