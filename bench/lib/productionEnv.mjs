// Imported first by a bench that renders React in Node (the collector's first page): React picks
// its development or production build by NODE_ENV when each of its modules loads, and Vite's
// in-process builds set NODE_ENV=production midway; react loaded before and react-dom/server after
// would then be two builds that cannot work together ("dispatcher.getOwner is not a function").
// A deployment runs production throughout, and so do the benches.
process.env.NODE_ENV = "production";
