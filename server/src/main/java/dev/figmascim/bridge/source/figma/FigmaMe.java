package dev.figmascim.bridge.source.figma;

/**
 * The owner of a REST API token, from {@code GET /v1/me}.
 *
 * @param id     Figma's user id
 * @param handle the display name
 * @param imgUrl the avatar URL, or null
 * @param email  the account's e-mail, or null
 */
public record FigmaMe(String id, String handle, String imgUrl, String email) {
}
