package org.caseflow.streams.runtime.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every Kubernetes manifest under deploy/kubernetes, navigated as the API server would: workloads are named
 * {@code Kind/name}, their pods' containers (init containers first), volumes (claim templates included),
 * labels, selectors and the environment a container gets.
 */
final class Manifests {
    final List<JsonNode> all = DeployFiles.kubernetes();

    List<JsonNode> objects(String kind) {
        return DeployFiles.objects(all, kind);
    }

    /** "Kind/name" → pod spec, for every workload (and bare Pod). */
    Map<String, JsonNode> podSpecs() {
        Map<String, JsonNode> pods = new LinkedHashMap<>();
        for (JsonNode m : all) {
            String kind = m.path("kind").asText();
            String id = kind + "/" + m.path("metadata").path("name").asText();
            switch (kind) {
                case "Pod" -> pods.put(id, m.path("spec"));
                case "Job", "StatefulSet", "Deployment", "DaemonSet", "ReplicaSet" ->
                        pods.put(id, m.path("spec").path("template").path("spec"));
                case "CronJob" -> pods.put(id, m.path("spec").path("jobTemplate").path("spec").path("template").path("spec"));
                default -> { }
            }
        }
        return pods;
    }

    /** Workload → its container running {@code caseflow run}; at least one. */
    Map<String, JsonNode> appContainers() {
        Map<String, JsonNode> apps = new LinkedHashMap<>();
        podSpecs().forEach((workload, pod) -> find(pod.path("containers"), c -> command(c).equals("run"))
                .ifPresent(c -> apps.put(workload, c)));
        if (apps.isEmpty()) {
            throw new AssertionError("no workload runs 'caseflow run'");
        }
        return apps;
    }

    JsonNode workload(String workload) {
        String[] id = workload.split("/", 2);
        return DeployFiles.object(all, id[0], id[1]).orElseThrow();
    }

    JsonNode template(String workload) {
        return workload(workload).path("spec").path("template");
    }

    Map<String, String> podLabels(String workload) {
        Map<String, String> labels = new HashMap<>();
        template(workload).path("metadata").path("labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The environment of a container of the workload's first pod. */
    Map<String, String> environment(String workload, JsonNode container) {
        return DeployFiles.containerEnvironment(all, container, podName(workload));
    }

    /** Mount path → volume (the pod's volumes, or a StatefulSet claim template as a persistentVolumeClaim). */
    Map<String, JsonNode> volumeMounts(String workload, JsonNode container) {
        Map<String, JsonNode> volumes = new HashMap<>();
        JsonNode spec = workload(workload).path("spec");
        spec.path("template").path("spec").path("volumes").forEach(v -> volumes.put(v.path("name").asText(), v));
        spec.path("volumeClaimTemplates").forEach(t -> {
            String name = t.path("metadata").path("name").asText();
            ObjectNode volume = JsonNodeFactory.instance.objectNode().put("name", name);
            volume.putObject("persistentVolumeClaim").put("claimName", name);
            volumes.put(name, volume);
        });
        Map<String, JsonNode> mounts = new LinkedHashMap<>();
        container.path("volumeMounts").forEach(m -> {
            JsonNode volume = volumes.get(m.path("name").asText());
            if (volume == null) {
                throw new AssertionError(workload + ": volume " + m.path("name").asText() + " is not defined");
            }
            mounts.put(m.path("mountPath").asText(), volume);
        });
        return mounts;
    }

    /** The name of the first pod: a StatefulSet's pods are NAME-0, NAME-1, ... */
    static String podName(String workload) {
        return workload.substring(workload.indexOf('/') + 1) + "-0";
    }

    /** Init containers, then containers. */
    static List<JsonNode> containers(JsonNode pod) {
        List<JsonNode> all = new ArrayList<>();
        pod.path("initContainers").forEach(all::add);
        pod.path("containers").forEach(all::add);
        return all;
    }

    /** The Caseflow command a container or compose service runs (its first argument), "" for other images. */
    static String command(JsonNode container) {
        if (!container.path("image").asText().startsWith("caseflow:")) {
            return "";
        }
        List<String> args = DeployFiles.words(container.has("args") ? container.path("args") : container.path("command"));
        return args.isEmpty() ? "" : args.get(0);
    }

    static int containerPort(JsonNode container, String name) {
        return find(container.path("ports"), p -> name != null && name.equals(p.path("name").asText()))
                .map(p -> p.path("containerPort").asInt())
                .orElseThrow(() -> new AssertionError("container " + container.path("name").asText() + " has no port named " + name));
    }

    /** A number, or a port name of the container. */
    static int port(JsonNode container, JsonNode port) {
        return port.isNumber() ? port.asInt() : containerPort(container, port.asText());
    }

    /** True when a non-empty {@code matchLabels}-style selector selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        boolean[] all = {true};
        selector.fields().forEachRemaining(e -> all[0] &= e.getValue().asText().equals(labels.get(e.getKey())));
        return all[0];
    }

    /** "PROTOCOL/port" of a NetworkPolicy rule, named ports resolved against the container. */
    static List<String> ports(JsonNode rule, JsonNode container) {
        List<String> ports = new ArrayList<>();
        rule.path("ports").forEach(p -> ports.add(p.path("protocol").asText("TCP") + "/" + port(container, p.path("port"))));
        return ports;
    }

    /** The peers ({@code from} or {@code to} entries) of NetworkPolicy rules. */
    static List<JsonNode> peers(JsonNode rules, String field) {
        List<JsonNode> peers = new ArrayList<>();
        rules.forEach(r -> r.path(field).forEach(peers::add));
        return peers;
    }

    static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        return elements;
    }

    static Optional<JsonNode> find(JsonNode array, Predicate<JsonNode> test) {
        for (JsonNode n : array) {
            if (test.test(n)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }
}
