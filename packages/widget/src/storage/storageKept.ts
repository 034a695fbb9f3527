/** Where answers are kept: on the device (IndexedDB), or only in this page until it closes. */
export type StorageKept = "device" | "memory";
