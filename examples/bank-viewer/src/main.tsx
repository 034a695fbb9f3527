import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.js";
import "./styles.css";

const root = document.getElementById("root");
if (root === null) throw new Error('index.html needs an element with id "root".');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
