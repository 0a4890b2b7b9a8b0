//! DOM events for the host page (`threadline:ready`, `threadline:vote`,
//! `threadline:reply`, `threadline:error`): they bubble out of the shadow
//! root to the element the widget was mounted in, for analytics and
//! integration.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Fires `threadline:<name>` with `detail` (pairs of names and values).
pub fn emit(from: Option<&Element>, name: &str, detail: &[(&str, JsValue)]) {
    let Some(from) = from else { return };
    let object = Object::new();
    for (key, value) in detail {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("threadline:{name}"), &init) {
        let _ = from.dispatch_event(&event);
    }
}
