import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { Layout } from "./ui/Layout.tsx";
import { RouteError } from "./ui/RouteError.tsx";

const HomePage = lazy(() => import("./features/home/HomePage.tsx"));
const NotFoundPage = lazy(() => import("./features/home/NotFoundPage.tsx"));
const SignInPage = lazy(() => import("./features/auth/SignInPage.tsx"));
const SignUpPage = lazy(() => import("./features/auth/SignUpPage.tsx"));
const ForgotPasswordPage = lazy(() => import("./features/auth/ForgotPasswordPage.tsx"));
const ResetPasswordPage = lazy(() => import("./features/auth/ResetPasswordPage.tsx"));
const DirectoryPage = lazy(() => import("./features/organizations/DirectoryPage.tsx"));
const OrganizationPage = lazy(() => import("./features/organizations/OrganizationPage.tsx"));
const NewOrganizationPage = lazy(() => import("./features/organizations/NewOrganizationPage.tsx"));
const ProfilePage = lazy(() => import("./features/me/ProfilePage.tsx"));
const SecurityPage = lazy(() => import("./features/me/SecurityPage.tsx"));
const MyOrganizationsPage = lazy(() => import("./features/me/MyOrganizationsPage.tsx"));
const EventsPage = lazy(() => import("./features/events/EventsPage.tsx"));
const EventPage = lazy(() => import("./features/events/EventPage.tsx"));
const ApplyPage = lazy(() => import("./features/events/ApplyPage.tsx"));
const MyEventsPage = lazy(() => import("./features/events/MyEventsPage.tsx"));
const AdminLayout = lazy(() => import("./features/admin/AdminLayout.tsx"));
const VettingPage = lazy(() => import("./features/admin/VettingPage.tsx"));
const UsersPage = lazy(() => import("./features/admin/UsersPage.tsx"));
const AuditPage = lazy(() => import("./features/admin/AuditPage.tsx"));
const OutboxPage = lazy(() => import("./features/admin/OutboxPage.tsx"));
const ReferencePage = lazy(() => import("./features/admin/ReferencePage.tsx"));
const ImportPage = lazy(() => import("./features/admin/ImportPage.tsx"));
const AdminEventsPage = lazy(() => import("./features/events/admin/AdminEventsPage.tsx"));
const EventEditPage = lazy(() => import("./features/events/admin/EventEditPage.tsx"));
const EventNewPage = lazy(() =>
  import("./features/events/admin/EventEditPage.tsx").then((m) => ({ default: m.EventNewPage })),
);
const ApplicantsPage = lazy(() => import("./features/events/admin/ApplicantsPage.tsx"));

export const router = createBrowserRouter([
  {
    path: "/",
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: "sign-in", element: <SignInPage /> },
          { path: "sign-up", element: <SignUpPage /> },
          { path: "forgot-password", element: <ForgotPasswordPage /> },
          { path: "reset-password", element: <ResetPasswordPage /> },
          { path: "organizations", element: <DirectoryPage /> },
          { path: "organizations/new", element: <NewOrganizationPage /> },
          { path: "organizations/:id", element: <OrganizationPage /> },
          { path: "events", element: <EventsPage /> },
          { path: "events/:id", element: <EventPage /> },
          { path: "events/:id/apply", element: <ApplyPage /> },
          { path: "me", element: <ProfilePage /> },
          { path: "me/security", element: <SecurityPage /> },
          { path: "me/organizations", element: <MyOrganizationsPage /> },
          { path: "me/events", element: <MyEventsPage /> },
          {
            path: "admin",
            element: <AdminLayout />,
            children: [
              { index: true, element: <VettingPage /> },
              { path: "users", element: <UsersPage /> },
              { path: "audit", element: <AuditPage /> },
              { path: "outbox", element: <OutboxPage /> },
              { path: "reference", element: <ReferencePage /> },
              { path: "import", element: <ImportPage /> },
              { path: "events", element: <AdminEventsPage /> },
              { path: "events/new", element: <EventNewPage /> },
              { path: "events/:id/edit", element: <EventEditPage /> },
              { path: "events/:id/applicants", element: <ApplicantsPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
