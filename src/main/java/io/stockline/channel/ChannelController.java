package io.stockline.channel;

import java.util.List;

import io.stockline.web.Identifiers;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST resource for sales channels. */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

    private final Channels channels;
    private final ChannelProperties properties;

    ChannelController(Channels channels, ChannelProperties properties) {
        this.channels = channels;
        this.properties = properties;
    }

    @PutMapping("/{key}")
    ResponseEntity<Channel> put(@PathVariable String key, @RequestBody ChannelDraft.Raw body) {
        ChannelDraft draft = ChannelDraft.of(key, body, properties.lowStockThreshold());

        Channels.Saved saved = channels.save(draft);

        HttpStatus status = saved.created() ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status)
                .eTag(String.valueOf(saved.channel().version()))
                .body(saved.channel());
    }

    @GetMapping("/{key}")
    ResponseEntity<Channel> get(@PathVariable String key) {
        Channel channel = channels.require(Identifiers.require("key", key));

        return ResponseEntity.ok().eTag(String.valueOf(channel.version())).body(channel);
    }

    @GetMapping
    List<Channel> list() {
        return channels.all();
    }
}
