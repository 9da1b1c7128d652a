package io.stockline.channel;

/**
 * Published inside the transaction that saved a channel, so that read models can follow in
 * the same transaction.
 *
 * @param channel the channel as saved
 */
public record ChannelChanged(Channel channel) {
}
