package dev.tandem.security;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A deployment is code: every expression in a model runs with Tandem's rights. So every BPMN and
 * DMN resource of a new deployment (from Modeler, the REST API or Tandem's own start) is read
 * before the engine takes it, and refused, naming the element and the reason, if it could run
 * anything but what Tandem publishes: its delegate and listener beans ({@code ${beanName}}), reads
 * of variables ({@code ${name}}, {@code ${execution.getVariable('name')}}) and comparisons of them.
 * Scripts, Java classes, other expressions, connectors, external tasks, generated and embedded
 * forms, output mappings, input mappings other than the model inputs Tandem's delegates read, calls
 * of processes other than those Tandem's models call, and resources of other kinds are refused.
 */
class DeploymentGuard implements Deployer {

    /** Camunda's extension namespace and the older name the engine still reads as the same. */
    private static final Set<String> EXTENSIONS = Set.of("http://camunda.org/schema/1.0/bpmn",
            "http://activiti.org/bpmn");
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script", "connector", "formData",
            "formField", "formProperty", "value", "outputParameter", "out", "in");
    private static final Set<String> FORBIDDEN_EXTENSION_ATTRIBUTES = Set.of("resource", "type", "formKey",
            "scriptFormat", "resultVariable");
    /**
     * Literal inputs a model may give Tandem's steps: which policy a start form sells, which invoice
     * to issue, and the credit choice each post-paid round starts with.
     */
    private static final Set<String> MODEL_INPUTS = Set.of("billingPolicy", "invoiceKind", "creditChoice");
    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "http://www.omg.org/spec/FEEL/20140401");

    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    /** What an expression may hold: variable reads, literals, comparisons and logic; and its end. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\s+|'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"|[0-9]+(?:\\.[0-9]+)?"
                    + "|execution\\.getVariable\\(\\s*'[A-Za-z0-9_]+'\\s*\\)"
                    + "|[A-Za-z_][A-Za-z0-9_]*(?!\\s*[(.\\[])|==|!=|<=|>=|&&|\\|\\||[<>!()]|}");

    private final Supplier<Set<String>> publishedBeans;

    /** @param publishedBeans names of Tandem's delegate and listener beans, asked for at each deployment */
    DeploymentGuard(Supplier<Set<String>> publishedBeans) {
        this.publishedBeans = publishedBeans;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            // Loading a deployment made earlier into the cache: it was checked when it was made.
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
                    || name.endsWith(".dmn11.xml")) {
                check(name, parse(name, resource.getBytes()).getDocumentElement(), name.contains(".dmn"));
            } else if (!name.endsWith(".form")) {
                throw refused(name, null, "Tandem deploys BPMN and DMN models and Camunda Forms only");
            }
        }
    }

    /** Comments dropped and text joined, as the engine's own parser sees it. */
    private static Document parse(String name, byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setCoalescing(true);
            factory.setIgnoringComments(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
            document.normalizeDocument();
            return document;
        } catch (Exception e) {
            throw refused(name, null, "it is not a well-formed model: " + e.getMessage());
        }
    }

    private void check(String resource, Element element, boolean decision) {
        String local = element.getLocalName();
        if ("callActivity".equals(local) && !StepInputGuard.CALLED_FROM.containsKey(element.getAttribute("calledElement"))) {
            throw refused(resource, element, "it calls %s; Tandem's models call only %s".formatted(
                    element.getAttribute("calledElement"), String.join(", ", StepInputGuard.CALLED_FROM.keySet())));
        }
        if (FORBIDDEN_ELEMENTS.contains(local) && isExtensionOrScript(element)) {
            throw refused(resource, element, "<%s> runs code or writes variables outside Tandem's steps".formatted(local));
        }
        if ("inputParameter".equals(local) && element.getTextContent() != null && !element.getTextContent().isBlank()
                && !MODEL_INPUTS.contains(element.getAttribute("name"))) {
            throw refused(resource, element, "input %s is not one of the model inputs Tandem's steps read (%s)"
                    .formatted(element.getAttribute("name"), String.join(", ", MODEL_INPUTS)));
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(resource, element, (Attr) attributes.item(i), decision);
        }
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element nested) {
                check(resource, nested, decision);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        checkExpressions(resource, element, text.toString());
    }

    private static boolean isExtension(String namespace) {
        return namespace != null && EXTENSIONS.contains(namespace);
    }

    private static boolean isExtensionOrScript(Element element) {
        return isExtension(element.getNamespaceURI()) || "scriptTask".equals(element.getLocalName())
                || "script".equals(element.getLocalName());
    }

    private void checkAttribute(String resource, Element element, Attr attribute, boolean decision) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        boolean extension = isExtension(attribute.getNamespaceURI());
        if ("class".equals(name) || "expression".equals(name) || name.endsWith("Class")
                || extension && FORBIDDEN_EXTENSION_ATTRIBUTES.contains(name)) {
            throw refused(resource, element, "%s runs code or loads it from elsewhere".formatted(name));
        }
        if ("language".equals(name) || decision && "expressionLanguage".equals(name) && !FEEL.contains(value.strip())) {
            throw refused(resource, element, ("expressions in %s: only variable reads and comparisons (FEEL in "
                    + "decision tables) are allowed").formatted(value));
        }
        if ("delegateExpression".equals(name)) {
            Matcher bean = BEAN.matcher(value.strip());
            if (!bean.matches() || !publishedBeans.get().contains(bean.group(1))) {
                throw refused(resource, element, "%s is not one of Tandem's delegate or listener beans".formatted(value));
            }
            return;
        }
        checkExpressions(resource, element, value);
    }

    /**
     * Every ${…} or #{…} in the text must read variables and compare them, nothing else: it is
     * scanned token by token to its closing brace, string literals and their escapes included.
     */
    private static void checkExpressions(String resource, Element element, String text) {
        int at = 0;
        while (true) {
            int start = indexOfExpression(text, at);
            if (start < 0) {
                return;
            }
            Matcher token = TOKEN.matcher(text);
            int position = start + 2;
            boolean closed = false;
            while (position < text.length() && !closed) {
                token.region(position, text.length());
                if (!token.lookingAt()) {
                    throw refused(resource, element, "%s does more than read variables and compare them"
                            .formatted(text.substring(start).strip()));
                }
                closed = "}".equals(token.group());
                position = token.end();
            }
            if (!closed) {
                throw refused(resource, element, "an expression that does not end: " + text.substring(start).strip());
            }
            at = position;
        }
    }

    private static int indexOfExpression(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    }

    /** The refusal names the element, or the nearest one around it that has an id (a flow, a task). */
    private static BadUserRequestException refused(String resource, Element element, String reason) {
        Node named = element;
        while (named instanceof Element candidate && !candidate.hasAttribute("id")) {
            named = candidate.getParentNode();
        }
        String where = named instanceof Element withId ? " element " + withId.getAttribute("id")
                : element == null ? "" : " element <" + element.getLocalName() + ">";
        return new BadUserRequestException("Deployment refused: %s%s: %s.".formatted(resource, where, reason));
    }
}
