import "./coordinator.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CoordinatorApp } from "./App.js";

const apiMeta = document.querySelector<HTMLMetaElement>('meta[name="klynge-api"]')?.content;
const api = new URL(apiMeta ?? "../api/", location.href);

const root = document.getElementById("root");
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <CoordinatorApp api={api} />
    </StrictMode>,
  );
}
