// Every text the provider's pages show: Danish first, English second (STYLE.md habit 12).
export interface Message {
  readonly da: string;
  readonly en: string;
}

export const messages = {
  signIn: { da: "Log ind", en: "Sign in" },
  signInTo: { da: "Log ind for at fortsætte til", en: "Sign in to continue to" },
  email: { da: "E-mail", en: "E-mail" },
  password: { da: "Adgangskode", en: "Password" },
  wrongCredentials: { da: "Forkert e-mail eller adgangskode.", en: "Wrong e-mail or password." },
  signOutQuestion: { da: "Vil du logge ud?", en: "Do you want to sign out?" },
  signOutYes: { da: "Ja, log mig ud", en: "Yes, sign me out" },
  signOutNo: { da: "Nej, forbliv logget ind", en: "No, stay signed in" },
  signedOut: { da: "Du er logget ud.", en: "You are signed out." },
  signedOutFrom: { da: "Du er logget ud fra", en: "You are signed out from" },
  requestRefused: { da: "Forespørgslen blev afvist.", en: "The request was refused." },
  errorTitle: { da: "Der gik noget galt", en: "Something went wrong" },
  interactionExpired: {
    da: "Login-forespørgslen er udløbet eller ugyldig. Gå tilbage til tjenesten og prøv igen.",
    en: "The sign-in request has expired or is not valid. Go back to the service and try again.",
  },
  crossSiteRefused: {
    da: "Formularen blev sendt fra en anden side og er afvist.",
    en: "The form was sent from another site and was refused.",
  },
  methodNotAllowed: {
    da: "Denne adresse tager ikke imod den slags forespørgsel.",
    en: "This address does not accept this kind of request.",
  },
  formTooLarge: { da: "Formularen er for stor.", en: "The form is too large." },
  formContentType: {
    da: "Formularen skal sendes som application/x-www-form-urlencoded.",
    en: "The form must be sent as application/x-www-form-urlencoded.",
  },
} as const satisfies Record<string, Message>;
