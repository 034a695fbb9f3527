export type { SeedUser } from "./accountStore.js";
export type { ClientRegistration } from "./providerConfiguration.js";
export type { IdentityProvider, IdentityProviderOptions } from "./startIdentityProvider.js";
export { startIdentityProvider } from "./startIdentityProvider.js";
