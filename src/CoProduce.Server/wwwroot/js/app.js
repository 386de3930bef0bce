// The only script of the site, loaded as an external module (our CSP allows no inline script).
// Every page works without it; with it, GOV.UK Frontend components are enhanced, including the
// "Exit this page" Shift-three-times shortcut.
import { initAll } from "/lib/govuk-frontend/govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported");
initAll();
