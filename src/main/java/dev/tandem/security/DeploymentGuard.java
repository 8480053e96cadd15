package dev.tandem.security;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
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
 * DMN resource deployed (from Modeler, the REST API or Tandem's own start) is read before the
 * engine takes it, and refused, naming the element and the reason, if it could run anything but
 * what Tandem publishes: its delegate and listener beans ({@code ${beanName}}), reads of variables
 * ({@code ${name}}, {@code ${execution.getVariable('name')}}) and comparisons of them.
 * Scripts, Java classes, other expressions, connectors, external tasks, embedded HTML forms and
 * resources of other kinds are refused.
 */
class DeploymentGuard implements Deployer {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("scriptTask", "script", "connector");
    private static final Set<String> FORBIDDEN_CAMUNDA_ATTRIBUTES = Set.of("class", "expression", "resource", "type",
            "formKey", "scriptFormat");
    private static final Set<String> FEEL = Set.of("feel", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "http://www.omg.org/spec/FEEL/20140401");

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern BEAN = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern VARIABLE_READ = Pattern.compile("execution\\.getVariable\\(\\s*'[A-Za-z0-9_]+'\\s*\\)");
    private static final Pattern TOKEN = Pattern.compile("\\s+|'[^']*'|\"[^\"]*\"|[0-9]+(\\.[0-9]+)?"
            + "|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\\|\\||[<>!()]");
    private static final Pattern CALL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*\\(");

    private final Supplier<Set<String>> publishedBeans;

    /** @param publishedBeans names of Tandem's delegate and listener beans, asked for at each deployment */
    DeploymentGuard(Supplier<Set<String>> publishedBeans) {
        this.publishedBeans = publishedBeans;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml") || name.endsWith(".dmn")
                    || name.endsWith(".dmn11.xml")) {
                Element root = parse(name, resource.getBytes()).getDocumentElement();
                check(name, root, name.contains(".dmn"));
            } else if (!name.endsWith(".form")) {
                throw refused(name, null, "Tandem deploys BPMN and DMN models and Camunda Forms only");
            }
        }
    }

    private static Document parse(String name, byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw refused(name, null, "it is not a well-formed model: " + e.getMessage());
        }
    }

    private void check(String resource, Element element, boolean decision) {
        String local = element.getLocalName();
        if (FORBIDDEN_ELEMENTS.contains(local)) {
            throw refused(resource, element, "scripts and connectors run code; Tandem's steps are its published beans");
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(resource, element, (Attr) attributes.item(i), decision);
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element nested) {
                check(resource, nested, decision);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                checkExpressions(resource, element, child.getNodeValue());
            }
        }
    }

    private void checkAttribute(String resource, Element element, Attr attribute, boolean decision) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        if (CAMUNDA.equals(attribute.getNamespaceURI()) && FORBIDDEN_CAMUNDA_ATTRIBUTES.contains(name)) {
            throw refused(resource, element, "camunda:%s runs code or loads it from elsewhere".formatted(name));
        }
        if ("language".equals(name) || decision && "expressionLanguage".equals(name) && !FEEL.contains(value.strip())) {
            throw refused(resource, element, "expressions in %s: only variable reads and comparisons (FEEL in decision tables) are allowed"
                    .formatted(value));
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

    /** Every ${…} or #{…} in the text must read variables and compare them, nothing else. */
    private static void checkExpressions(String resource, Element element, String text) {
        if (text == null) {
            return;
        }
        Matcher expressions = EXPRESSION.matcher(text);
        while (expressions.find()) {
            String body = VARIABLE_READ.matcher(expressions.group(1)).replaceAll("v");
            if (CALL.matcher(body).find() || !onlyTokens(body)) {
                throw refused(resource, element, "%s does more than read variables and compare them"
                        .formatted(expressions.group()));
            }
        }
        if (text.contains("${") || text.contains("#{")) {
            if (!EXPRESSION.matcher(text).find()) {
                throw refused(resource, element, "an expression that cannot be checked: " + text.strip());
            }
        }
    }

    private static boolean onlyTokens(String body) {
        Matcher token = TOKEN.matcher(body);
        int at = 0;
        while (at < body.length()) {
            token.region(at, body.length());
            if (!token.lookingAt()) {
                return false;
            }
            at = token.end();
        }
        return true;
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
