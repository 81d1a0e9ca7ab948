use super::*;

#[test]
fn heaviest_increasing_keeps_the_longest_order() {
    // a paragraph of two moved from the end to the front
    let keep = heaviest_increasing(&[5, 6, 0, 1, 2, 3, 4], &[1; 7]);
    assert_eq!(keep, [false, false, true, true, true, true, true]);
    let keep = heaviest_increasing(&[0, 1, 2], &[1, 1, 1]);
    assert_eq!(keep, [true, true, true]);
    assert!(heaviest_increasing(&[], &[]).is_empty());
}
