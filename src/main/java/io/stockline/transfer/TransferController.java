package io.stockline.transfer;

import java.io.IOException;
import java.io.InputStream;

import io.stockline.web.Identifiers;
import io.stockline.web.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import and export over HTTP. The upload is read straight from the request as it arrives
 * and the export written straight to the response, so neither is held in memory.
 */
@RestController
@RequestMapping("/api/v1")
class TransferController {

    static final String NDJSON = "application/x-ndjson";
    static final String ACTOR = "X-Actor";

    private final StockImport imports;
    private final StockExport exports;

    TransferController(StockImport imports, StockExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @PostMapping(path = "/imports", produces = MediaType.APPLICATION_JSON_VALUE,
            consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE, NDJSON})
    ImportSummary importFile(@RequestParam(required = false) String format,
            @RequestParam(defaultValue = "upload") String name,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @RequestHeader(name = ACTOR, defaultValue = "api") String actor, InputStream body)
            throws IOException {
        TransferFormat chosen = format == null ? implied(contentType)
                : TransferFormat.of("format", format);
        requireMatch(chosen, contentType);

        return imports.run(chosen, body, Identifiers.require("name", name),
                Identifiers.require(ACTOR, actor), ImportProgress.NONE);
    }

    /**
     * Written synchronously to the response rather than as an asynchronous
     * StreamingResponseBody: a large export must not hit the container's async timeout.
     */
    @GetMapping("/exports")
    void exportFile(@RequestParam String format, HttpServletResponse response)
            throws IOException {
        TransferFormat chosen = TransferFormat.of("format", format);
        String file = "stockline-inventory." + (chosen == TransferFormat.SHOPIFY_CSV
                ? "csv" : "json");

        response.setContentType(chosen.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        exports.write(chosen, response.getOutputStream());
    }

    private static TransferFormat implied(MediaType contentType) {
        return contentType.isCompatibleWith(MediaType.parseMediaType("text/csv"))
                ? TransferFormat.SHOPIFY_CSV : TransferFormat.COMMERCETOOLS_JSON;
    }

    private static void requireMatch(TransferFormat format, MediaType contentType) {
        boolean csv = contentType.isCompatibleWith(MediaType.parseMediaType("text/csv"));
        if (csv != (format == TransferFormat.SHOPIFY_CSV)) {
            throw new InvalidInput("Content-Type", "matches-format", "must be "
                    + (csv ? "application/json or " + NDJSON : "text/csv") + " for format "
                    + format + ", was " + contentType);
        }
    }
}
