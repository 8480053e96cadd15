package dev.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every model as Camunda Modeler draws it (bpmn-js, the same renderer, in headless Chromium), saved
 * to {@code target/screenshots/model-<name>.png} to look at, and checked for what makes a diagram
 * hard to read: a label on top of another label or a shape, a flow crossing another flow or a
 * label, shapes on top of each other, and a flow node outside the lanes of its pool.
 */
class ModelPicturesTest {

    private static final Path VIEWER = Path.of("node_modules/bpmn-js/dist");
    private static final Path PICTURES = Path.of("target/screenshots");

    private static Browser browser;

    @BeforeAll
    static void openBrowser() {
        assertThat(VIEWER.resolve("bpmn-viewer.production.min.js"))
                .as("bpmn-js, installed by npm in Maven's generate-test-resources phase").exists();
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyModelIsDrawnWithoutOverlapsOrCrossings(Path model) throws IOException {
        String name = model.getFileName().toString().replace(".bpmn", "");
        Path page = PICTURES.resolve("model-" + name + ".html").toAbsolutePath();
        Files.createDirectories(PICTURES);
        Files.writeString(page, page(Files.readString(model)));
        browser.driver.manage().window().setSize(new Dimension(2200, 1400));
        browser.driver.get(page.toUri().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) new WebDriverWait(browser.driver, Duration.ofSeconds(30))
                .until(driver -> ((JavascriptExecutor) driver).executeScript("return window.drawn"));
        List<?> size = (List<?>) drawn.get("size");
        browser.driver.manage().window().setSize(new Dimension(((Number) size.get(0)).intValue(),
                ((Number) size.get(1)).intValue()));
        ((JavascriptExecutor) browser.driver).executeScript("window.fit()");
        Files.write(PICTURES.resolve("model-" + name + ".png"),
                ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));

        assertThat((List<?>) drawn.get("warnings")).as("bpmn-js import warnings of %s", name).isEmpty();
        assertThat((List<?>) drawn.get("problems")).as("what makes %s hard to read", name).isEmpty();
    }

    private static String page(String xml) throws IOException {
        String dist = VIEWER.toAbsolutePath().toUri().toString();
        return """
                <!doctype html>
                <html><head><meta charset="utf-8">
                <link rel="stylesheet" href="%1$sassets/diagram-js.css">
                <link rel="stylesheet" href="%1$sassets/bpmn-js.css">
                <style>html, body, #canvas { margin: 0; width: 100%%; height: 100%%; background: white; }</style>
                <script src="%1$sbpmn-viewer.production.min.js"></script>
                </head><body><div id="canvas"></div>
                <script>
                const xml = %2$s;
                %3$s
                </script></body></html>
                """.formatted(dist, new ObjectMapper().writeValueAsString(xml), CHECKS);
    }

    /** Draws the model, then measures it: labels, shapes and flows as bpmn-js laid them out. */
    private static final String CHECKS = """
            const viewer = new BpmnJS({ container: '#canvas' });
            const canvas = () => viewer.get('canvas');
            window.fit = () => {
              canvas().resized();
              const inner = canvas().viewbox().inner;
              canvas().viewbox({ x: inner.x - 30, y: inner.y - 30, width: inner.width + 60, height: inner.height + 60 });
            };
            viewer.importXML(xml).then(({ warnings }) => {
              const all = viewer.get('elementRegistry').getAll();
              const problems = [];
              const box = e => ({ x: e.x, y: e.y, w: e.width, h: e.height, id: e.id });
              const overlap = (a, b, gap) => a.x + gap < b.x + b.w && b.x + gap < a.x + a.w
                  && a.y + gap < b.y + b.h && b.y + gap < a.y + a.h;
              const isContainer = e => ['bpmn:Participant', 'bpmn:Lane', 'bpmn:SubProcess']
                  .includes(e.type) && !e.collapsed;
              const shapes = all.filter(e => !e.waypoints && e.type !== 'label' && e.parent && !isContainer(e)
                  && e.type !== 'bpmn:Process' && e.type !== 'bpmn:Collaboration');
              const labels = all.filter(e => e.type === 'label' && e.businessObject.name);
              const flows = all.filter(e => e.waypoints);
              const segments = flows.flatMap(f => f.waypoints.slice(1).map((p, i) => ({ a: f.waypoints[i], b: p, flow: f })));
              const attached = (a, b) => a.host === b || b.host === a;
              for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) {
                if (!attached(shapes[i], shapes[j]) && overlap(box(shapes[i]), box(shapes[j]), 0))
                  problems.push(`shapes ${shapes[i].id} and ${shapes[j].id} overlap`);
              }
              for (let i = 0; i < labels.length; i++) {
                for (let j = i + 1; j < labels.length; j++)
                  if (overlap(box(labels[i]), box(labels[j]), 0))
                    problems.push(`labels of ${labels[i].labelTarget.id} and ${labels[j].labelTarget.id} overlap`);
                for (const shape of shapes)
                  if (shape !== labels[i].labelTarget && overlap(box(labels[i]), box(shape), 0))
                    problems.push(`label of ${labels[i].labelTarget.id} lies on ${shape.id}`);
                for (const s of segments)
                  if (crossesBox(s, box(labels[i])))
                    problems.push(`flow ${s.flow.id} runs through the label of ${labels[i].labelTarget.id}`);
              }
              for (let i = 0; i < segments.length; i++) for (let j = i + 1; j < segments.length; j++) {
                const s = segments[i], t = segments[j];
                if (s.flow !== t.flow && crosses(s.a, s.b, t.a, t.b))
                  problems.push(`flows ${s.flow.id} and ${t.flow.id} cross`);
              }
              for (const s of segments) for (const shape of shapes)
                if (shape !== s.flow.source && shape !== s.flow.target && !attached(shape, s.flow.source)
                    && crossesBox(s, box(shape)))
                  problems.push(`flow ${s.flow.id} runs across ${shape.id}`);
              const participants = all.filter(e => e.type === 'bpmn:Participant');
              for (const shape of shapes.filter(e => e.type !== 'bpmn:BoundaryEvent')) {
                const pool = participants.find(p => overlap(box(p), box(shape), 0));
                const lanes = all.filter(e => e.type === 'bpmn:Lane');
                if (lanes.length && !lanes.some(l => box(l).x <= shape.x && box(l).y <= shape.y
                    && shape.x + shape.width <= l.x + l.width && shape.y + shape.height <= l.y + l.height))
                  problems.push(`${shape.id} lies outside every lane`);
                if (participants.length && !pool) problems.push(`${shape.id} lies outside the pool`);
              }
              const whole = canvas().viewbox().inner;
              window.drawn = { warnings: warnings.map(w => w.message), problems: [...new Set(problems)],
                size: [Math.min(3800, Math.ceil(whole.width) + 60), Math.min(2400, Math.ceil(whole.height) + 60)] };
            }).catch(error => { window.drawn = { warnings: [String(error)], problems: [], size: [800, 600] }; });

            /** Whether two segments cross at a point inside both (meeting at an end is not crossing). */
            function crosses(p, q, r, s) {
              const d = (q.x - p.x) * (s.y - r.y) - (q.y - p.y) * (s.x - r.x);
              if (d === 0) return false;
              const t = ((r.x - p.x) * (s.y - r.y) - (r.y - p.y) * (s.x - r.x)) / d;
              const u = ((r.x - p.x) * (q.y - p.y) - (r.y - p.y) * (q.x - p.x)) / d;
              return t > 0.01 && t < 0.99 && u > 0.01 && u < 0.99;
            }

            /** Whether a segment passes through the inside of a box (touching its edge is not). */
            function crossesBox(s, b) {
              const inner = { x: b.x + 2, y: b.y + 2, w: b.w - 4, h: b.h - 4 };
              if (inner.w <= 0 || inner.h <= 0) return false;
              const inside = p => p.x > inner.x && p.x < inner.x + inner.w && p.y > inner.y && p.y < inner.y + inner.h;
              if (inside(s.a) || inside(s.b)) return true;
              const c = [{ x: inner.x, y: inner.y }, { x: inner.x + inner.w, y: inner.y },
                { x: inner.x + inner.w, y: inner.y + inner.h }, { x: inner.x, y: inner.y + inner.h }];
              return c.some((p, i) => crosses(s.a, s.b, p, c[(i + 1) % 4]));
            }
            """;
}
