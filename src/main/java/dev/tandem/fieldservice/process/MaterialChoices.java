package dev.tandem.fieldservice.process;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.FormFigures;
import dev.tandem.common.FormOptions;
import dev.tandem.inventory.InventoryService;

/**
 * The materials a technician may record, each with the stock on hand, to pick from a list rather
 * than type a code: the worksheet's form gets them when it is created and afresh when it is opened,
 * and the technician page shows the same list.
 */
@Component("offerMaterials")
public class MaterialChoices implements TaskListener, FormFigures {

    /** A JSON list of {value: code, label: "Cable (CABLE) · 12 in stock"}: the worksheet's selects' options. */
    public static final String VARIABLE = "materialChoices";

    /** One material: its code (what the worksheet records) and how people read it. */
    public record Choice(String code, String label) {
    }

    private final ProductRepository products;
    private final InventoryService inventory;

    MaterialChoices(ProductRepository products, InventoryService inventory) {
        this.products = products;
        this.inventory = inventory;
    }

    /** Every material billed on delivery, by name, with its stock on hand. */
    public List<Choice> choices() {
        return products.findAll().stream()
                .filter(product -> product.getBillingPolicy() == Product.BillingPolicy.DELIVERED)
                .sorted(Comparator.comparing(Product::getName))
                .map(product -> new Choice(product.getCode(), "%s (%s) · %s".formatted(product.getName(),
                        product.getCode(), stock(inventory.onHand(product.getId())))))
                .toList();
    }

    private static String stock(BigDecimal onHand) {
        return onHand.signum() <= 0 ? "none in stock" : onHand.stripTrailingZeros().toPlainString() + " in stock";
    }

    @Override
    public void notify(DelegateTask task) {
        putOn(task);
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> figures(Function<String, Object> variables) {
        return Map.of(VARIABLE, FormOptions.of(choices().stream()
                .map(choice -> FormOptions.option(choice.code(), choice.label())).toList()));
    }
}
