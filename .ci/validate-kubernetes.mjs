// Validates every document of docs/deploy/kubernetes.yaml against the Kubernetes API schemas
// (the kubernetes-models package, generated from the Kubernetes OpenAPI definitions). Exits non-zero on errors.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [tools, file] = process.argv.slice(2);
const modules = `${tools}/node_modules`;
const load = (path) => import(pathToFileURL(`${modules}/${path}`).href);
const YAML = (await load("yaml/dist/index.js")).default;

// The package's ES modules, by file: the validator lives outside the tools folder.
const models = {
  "v1/Secret": "kubernetes-models/v1/Secret.js",
  "v1/Service": "kubernetes-models/v1/Service.js",
  "apps/v1/Deployment": "kubernetes-models/apps/v1/Deployment.js",
  "autoscaling/v2/HorizontalPodAutoscaler": "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler.js",
  "networking.k8s.io/v1/NetworkPolicy": "kubernetes-models/networking.k8s.io/v1/NetworkPolicy.js",
};

let failures = 0;
for (const doc of YAML.parseAllDocuments(readFileSync(file, "utf8"))) {
  if (doc.errors.length) {
    console.error(`YAML error: ${doc.errors.join("; ")}`);
    failures++;
    continue;
  }
  const object = doc.toJS();
  const key = `${object.apiVersion}/${object.kind}`;
  const model = models[key];
  if (!model) {
    console.error(`${key}: no schema known to this validator`);
    failures++;
    continue;
  }
  const Kind = (await load(model))[object.kind];
  try {
    new Kind(object).validate();
    console.log(`valid: ${key} ${object.metadata.name}`);
  } catch (error) {
    console.error(`invalid: ${key} ${object.metadata?.name}: ${error.message}`);
    failures++;
  }
}
process.exit(failures ? 1 : 0);
