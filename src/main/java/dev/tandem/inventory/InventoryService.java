package dev.tandem.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.tandem.catalog.Product;
import dev.tandem.catalog.ProductRepository;
import dev.tandem.common.BillingException;
import dev.tandem.common.NotFound;
import dev.tandem.sales.SalesOrderLine;
import dev.tandem.sales.SalesOrderLineRepository;

/** Stock on hand and the pickings that deliver materials to customers. */
@Service
@Transactional(noRollbackFor = BillingException.class)
public class InventoryService {

    private final StockLevelRepository levels;
    private final StockPickingRepository pickings;
    private final ProductRepository products;
    private final SalesOrderLineRepository lines;
    private final Clock clock;

    InventoryService(StockLevelRepository levels, StockPickingRepository pickings, ProductRepository products,
                     SalesOrderLineRepository lines, Clock clock) {
        this.levels = levels;
        this.pickings = pickings;
        this.products = products;
        this.lines = lines;
        this.clock = clock;
    }

    /** Goods received into stock. */
    public StockLevel receive(Long productId, BigDecimal quantity) {
        Product product = products.findById(productId).orElseThrow(() -> NotFound.of("product", productId));
        if (quantity == null || quantity.signum() <= 0) {
            throw new BillingException("The quantity received must be positive.");
        }
        StockLevel level = levelOf(product);
        level.add(quantity);
        return level;
    }

    @Transactional(readOnly = true)
    public BigDecimal onHand(Long productId) {
        return levels.findById(productId).map(StockLevel::getOnHand).orElse(BigDecimal.ZERO);
    }

    /** Plans a delivery of an order line's product on the order's open picking; stock is not touched yet. */
    public StockPicking planDelivery(Long lineId, BigDecimal quantity) {
        SalesOrderLine line = lines.findById(lineId).orElseThrow(() -> NotFound.of("order line", lineId));
        if (line.getProduct() == null || line.getProduct().getKind() == Product.Kind.SERVICE) {
            throw new BillingException("Only goods are delivered by a picking.");
        }
        if (quantity == null || quantity.signum() <= 0) {
            throw new BillingException("The quantity to deliver must be positive.");
        }
        StockPicking picking = pickings.findFirstBySalesOrderIdAndState(line.getOrder().getId(), StockPicking.State.DRAFT)
                .orElseGet(() -> pickings.save(new StockPicking(line.getOrder())));
        picking.add(new StockMove(picking, line, quantity));
        return picking;
    }

    /**
     * Validates a picking: storable products leave the stock and the order lines count as delivered.
     * Refused as a whole, before anything moves, if a product that may not go negative would.
     */
    public StockPicking validate(Long pickingId) {
        StockPicking picking = pickings.findById(pickingId).orElseThrow(() -> NotFound.of("picking", pickingId));
        if (picking.getState() == StockPicking.State.DONE) {
            throw new BillingException("This picking is already validated.");
        }
        Map<Product, BigDecimal> needed = new LinkedHashMap<>();
        picking.getMoves().stream()
                .filter(move -> move.getProduct().getKind() == Product.Kind.STORABLE)
                .forEach(move -> needed.merge(move.getProduct(), move.getQuantity(), BigDecimal::add));
        Map<Product, StockLevel> locked = new LinkedHashMap<>();
        needed.forEach((product, quantity) -> {
            StockLevel level = levelOf(product);
            if (!product.isAllowNegativeStock() && level.getOnHand().compareTo(quantity) < 0) {
                throw new BillingException("Not enough %s in stock: %s on hand, %s needed.".formatted(
                        product.getName(), level.getOnHand().stripTrailingZeros().toPlainString(),
                        quantity.stripTrailingZeros().toPlainString()));
            }
            locked.put(product, level);
        });
        locked.forEach((product, level) -> level.add(needed.get(product).negate()));
        picking.validate(clock.instant());
        return picking;
    }

    private StockLevel levelOf(Product product) {
        return levels.lock(product.getId()).orElseGet(() -> levels.save(new StockLevel(product.getId())));
    }
}
