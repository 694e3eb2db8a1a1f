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
const AttendancePage = lazy(() => import("./features/events/admin/AttendancePage.tsx"));
const BreakoutsPage = lazy(() => import("./features/events/admin/BreakoutsPage.tsx"));
const FeedbackResultsPage = lazy(() => import("./features/events/admin/FeedbackResultsPage.tsx"));
const CheckInPage = lazy(() => import("./features/events/admin/CheckInPage.tsx"));
const ReportPage = lazy(() => import("./features/events/ReportPage.tsx"));
const FeedbackPage = lazy(() => import("./features/events/FeedbackPage.tsx"));
const ParticipantsPage = lazy(() => import("./features/events/ParticipantsPage.tsx"));
const BreakoutDraftPage = lazy(() => import("./features/events/BreakoutDraftPage.tsx"));
const VerifyPage = lazy(() => import("./features/events/VerifyPage.tsx"));
const TrackerPage = lazy(() => import("./features/recommendations/TrackerPage.tsx"));
const RecommendationPage = lazy(() => import("./features/recommendations/RecommendationPage.tsx"));
const NewRecommendationPage = lazy(() => import("./features/recommendations/NewRecommendationPage.tsx"));
const TriagePage = lazy(() => import("./features/recommendations/admin/TriagePage.tsx"));
const RecommendationAdminPage = lazy(
  () => import("./features/recommendations/admin/RecommendationAdminPage.tsx"),
);
const ClustersPage = lazy(() => import("./features/recommendations/admin/ClustersPage.tsx"));
const NotificationsPage = lazy(() => import("./features/me/NotificationsPage.tsx"));

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
          { path: "events/:id/report", element: <ReportPage /> },
          { path: "events/:id/feedback", element: <FeedbackPage /> },
          { path: "events/:id/participants", element: <ParticipantsPage /> },
          { path: "events/:id/breakouts/:groupId", element: <BreakoutDraftPage /> },
          { path: "checkin/:token", element: <CheckInPage /> },
          { path: "verify", element: <VerifyPage /> },
          { path: "verify/:code", element: <VerifyPage /> },
          { path: "recommendations", element: <TrackerPage /> },
          { path: "recommendations/new", element: <NewRecommendationPage /> },
          { path: "recommendations/:id", element: <RecommendationPage /> },
          { path: "me", element: <ProfilePage /> },
          { path: "me/notifications", element: <NotificationsPage /> },
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
              { path: "events/:id/attendance", element: <AttendancePage /> },
              { path: "events/:id/breakouts", element: <BreakoutsPage /> },
              { path: "events/:id/feedback", element: <FeedbackResultsPage /> },
              { path: "recommendations", element: <TriagePage /> },
              { path: "recommendations/clusters", element: <ClustersPage /> },
              { path: "recommendations/:id", element: <RecommendationAdminPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
