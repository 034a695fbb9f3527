import "./coordinator.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { CoordinatorApp } from "./App.js";

const root = document.getElementById("root");
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <CoordinatorApp />
    </StrictMode>,
  );
}
